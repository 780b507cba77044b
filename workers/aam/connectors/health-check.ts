/**
 * A connector's check() around one probe of the source: timed, and a failure reported as the state the user can
 * act on (source-state.ts) rather than thrown. Errors that are no source failure (a bug) still throw.
 */
import type { HealthCheck } from "./connector";
import { sourceStateOf } from "./source-state";

/** `probe` resolves to a short detail for the user ("12 tables visible") or throws the connector's source problem. */
export async function checkSource(probe: () => Promise<string | undefined>): Promise<HealthCheck> {
  const started = Date.now();
  try {
    const detail = await probe();
    return { ok: true, state: "ok", latency_ms: Date.now() - started, ...(detail === undefined ? {} : { detail }) };
  } catch (error) {
    const state = sourceStateOf(error);
    if (state === undefined) throw error;
    return { ok: false, state, latency_ms: Date.now() - started, detail: (error as Error).message };
  }
}
