/** Builds transform chains and mapping documents the way the engine does, for table-driven tests. */
import { compileMapping, transformChain } from "../../../workers/aam/mapping/compile";
import { ValueError } from "../../../workers/aam/mapping/errors";
import { TransformEntrySchema } from "../../../workers/aam/mapping/format";
import { loadMapping } from "../../../workers/aam/mapping/load";

/** A chain from transform entries as they appear in YAML (`"trim"`, `{ number: { locale: "de-DE" } }`). */
export function chain(...entries: unknown[]): (value: unknown) => unknown {
  return transformChain(entries.map((e) => TransformEntrySchema.parse(e)));
}

export type Outcome = { value: unknown } | { error: string };

/** The value, or the ValueError's reason (any other exception fails the test). */
export function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (error) {
    if (error instanceof ValueError) return { error: error.message };
    throw error;
  }
}

export function compileYaml(text: string, file = "test.yaml") {
  return compileMapping(loadMapping({ file, text }).document, "0123456789abcdef0123");
}
