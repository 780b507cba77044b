/** The ProblemError a call fails with, for tests of code that throws problems rather than answering HTTP. */
import { ProblemError } from "../../workers/gateway/problem";

/** The ProblemError a promise rejects with (failing the test when it resolves or throws something else). */
export async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  const error: unknown = await promise.then(
    () => undefined,
    (err: unknown) => err,
  );
  if (!(error instanceof ProblemError)) throw new Error(`expected a ProblemError, got ${String(error)}`);
  return error;
}

export function problemOfSync(run: () => unknown): ProblemError {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return error;
    throw error;
  }
  throw new Error("expected a ProblemError, nothing was thrown");
}
