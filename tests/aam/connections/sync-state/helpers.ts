/**
 * A connection's source state as a user sees it: a FileSource connection created, synced and read back through the
 * API, its sync jobs fed to the real consumer. A source failure is injected the way a connector reports one: the
 * file connector's `read` throws the problem `sourceProblem` makes, so everything after it is the real code.
 */
import { env } from "cloudflare:test";
import { vi } from "vitest";
import { FileSource } from "../../../../workers/aam/connectors/filesource";
import { type SourceFailure, sourceProblem } from "../../../../workers/aam/connectors/source-state";
import type { SyncJob } from "../../../../workers/aam/pipeline/messages";
import { ConnectionSchema } from "../../../../workers/gateway/routes/aam/connections/schemas";
import { bearer } from "../../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../../helpers/connections";
import { call } from "../../../helpers/http";
import { captureQueues, deliver } from "../../../helpers/pipeline";

export function sourceFails(state: SourceFailure, detail = `the source says ${state}`) {
  return vi.spyOn(FileSource.prototype, "read").mockRejectedValueOnce(sourceProblem(state, detail));
}

/** The connection as GET /connections/{id} returns it to `token`. */
export async function connectionAs(token: string, id: string) {
  return ConnectionSchema.parse(await (await call(`${CONNECTIONS}/${id}`, { headers: bearer(token) })).json());
}

/** A connection of the caller's with one file to read; `sync()` starts a manual sync and returns its job. */
export async function fileConnectionWithData(token: string) {
  const queues = captureQueues();
  const connection = await createConnection(token);
  await env.FILES.put(`${connection.config.prefix}a.csv`, "id\n1\n");
  const sync = async (): Promise<SyncJob> => {
    const res = await call(`${CONNECTIONS}/${connection.id}/sync`, { method: "POST", headers: bearer(token) });
    if (res.status !== 202) throw new Error(`sync did not start: ${res.status} ${await res.text()}`);
    return queues.syncJobs().at(-1)!;
  };
  /** Starts a sync and delivers its job once, on delivery `attempts`. */
  const syncOnce = async (attempts = 1) => deliver("autonomos-sync", [await sync()], attempts);
  return { connection, queues, sync, syncOnce };
}
