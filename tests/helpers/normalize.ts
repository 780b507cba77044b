/** A tenant, runs and raw batches of the bundled FileSource `accounts` object, delivered to the real RAW_QUEUE consumer. */
import { createExecutionContext, createMessageBatch, env, getQueueResult } from "cloudflare:test";
import { vi } from "vitest";
import worker from "../../workers/index";
import type { RawBatch } from "../../workers/aam/pipeline/messages";
import { createRun, recordPageRead, recordReadingDone } from "../../workers/aam/pipeline/runs";
import { database, forTenant } from "../../workers/platform/db";
import { signUp } from "./auth";

/** Event ids include the connection: a fresh one per test keeps the tests' streams apart. */
export const newConnectionId = () => `con_${crypto.randomUUID().replaceAll("-", "").slice(0, 24)}`;

export async function tenantScope() {
  const { tenantId, accessToken } = await signUp();
  return { scope: forTenant(database(env.DB), tenantId), accessToken };
}

/** A run that has read one page (the batch under test) and finished reading: normalizing it finishes the run. */
export async function readRun(scope: ReturnType<typeof forTenant>, connectionId: string, records: number) {
  const runId = await createRun(scope, { connectionId, kind: "upload", object: "accounts", traceId: "trace-normalize" });
  await recordPageRead(scope, runId, { records });
  await recordReadingDone(scope, runId);
  return runId;
}

export const account = (id: string, line: number, fields: Record<string, unknown> = {}) => ({
  record_id: id,
  cursor: `line:${line}`,
  line,
  data: { "Account No": id, "Company Name": ` Acme ${id} `, "Annual Revenue (EUR)": "1.234.567,00", Employees: "250", Country: "DE", ...fields },
});

/** Two good accounts, one whose revenue cannot be parsed, and one row the CSV parser rejected. */
export function accountsBatch(tenantId: string, runId: string, connectionId: string): RawBatch {
  return {
    tenant_id: tenantId,
    connection_id: connectionId,
    run_id: runId,
    trace_id: "trace-normalize",
    system: "filesource",
    object: "accounts",
    records: [account("A-1", 2), account("A-2", 3), account("A-3", 4, { "Annual Revenue (EUR)": "lots" })],
    rejects: [{ line: 5, reason: "row has 3 fields, the header 6", raw: "A-4;Broken;x" }],
  };
}

/** Delivers messages to the Worker's RAW_QUEUE consumer the way the Queues runtime does, and returns the outcome. */
export async function deliver(bodies: unknown[], options: { attempts?: number; env?: typeof env; ids?: string[] } = {}) {
  const batch = createMessageBatch(
    "autonomos-raw",
    bodies.map((body, i) => ({ id: options.ids?.[i] ?? `msg-${i}`, timestamp: new Date(), attempts: options.attempts ?? 1, body })),
  );
  // getQueueResult lists retried messages but not their delays (vitest-plugin 1.5), so the delays are observed here.
  const delays: { msgId: string; delaySeconds: number | undefined }[] = [];
  for (const message of batch.messages) {
    const retry = message.retry.bind(message);
    vi.spyOn(message, "retry").mockImplementation((opts) => {
      delays.push({ msgId: message.id, delaySeconds: opts?.delaySeconds });
      retry(opts);
    });
  }
  const ctx = createExecutionContext();
  await worker.queue(batch, options.env ?? env, ctx);
  return { ...(await getQueueResult(batch, ctx)), delays };
}

export async function streamRows(runId: string) {
  const { results } = await env.DB.prepare("SELECT seq, event_id, tenant_id, record_id, event FROM canonical_events WHERE run_id = ? ORDER BY seq")
    .bind(runId)
    .all<{ seq: number; event_id: string; tenant_id: string; record_id: string; event: string }>();
  return results;
}

/** quarantine as D1 returns it: snake_case columns, JSON as text */
type QuarantineRowJson = Record<"id" | "tenant_id" | "status" | "reason" | "raw" | "errors", string> &
  Record<"record_id" | "mapping_version" | "entity" | "replayed_event_id", string | null> & { line: number | null };

export async function quarantineRows(runId: string) {
  const { results } = await env.DB.prepare("SELECT * FROM quarantine WHERE run_id = ? ORDER BY line").bind(runId).all<QuarantineRowJson>();
  return results.map((row) => ({ ...row, raw: JSON.parse(row.raw as string) as unknown, errors: JSON.parse(row.errors as string) as unknown[] }));
}

export async function runCounts(runId: string) {
  return env.DB.prepare("SELECT status, read, emitted, quarantined, duplicates, batches_enqueued, batches_done FROM sync_runs WHERE id = ?")
    .bind(runId)
    .first();
}

/** A run of a fresh connection whose accounts batch was normalized: two events, two quarantined rows. */
export async function normalizedRun(scope: ReturnType<typeof forTenant>) {
  const connectionId = newConnectionId();
  const runId = await readRun(scope, connectionId, 3);
  const result = await deliver([accountsBatch(scope.tenantId, runId, connectionId)]);
  if (result.explicitAcks.length !== 1) throw new Error("the raw batch was not normalized");
  return { connectionId, runId };
}
