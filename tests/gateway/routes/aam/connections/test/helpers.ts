/** The check route's source states without a real failing source: the file connector's check probes a source that fails so. */
import { vi } from "vitest";
import { FileSource } from "../../../../../../workers/aam/connectors/filesource";
import { checkSource } from "../../../../../../workers/aam/connectors/health-check";
import { type SourceFailure, sourceProblem } from "../../../../../../workers/aam/connectors/source-state";
import { HealthCheckSchema } from "../../../../../../workers/aam/connectors/connector";
import { bearer } from "../../../../../helpers/auth";
import { CONNECTIONS } from "../../../../../helpers/connections";
import { call } from "../../../../../helpers/http";

export function checkFails(state: SourceFailure, detail = `the source says ${state}`) {
  return vi.spyOn(FileSource.prototype, "check").mockImplementationOnce(() =>
    checkSource(async () => {
      throw sourceProblem(state, detail);
    }),
  );
}

/** POST …/test as `token`: the response, and its health check when it is a 200. */
export async function testConnection(token: string, id: string) {
  const res = await call(`${CONNECTIONS}/${id}/test`, { method: "POST", headers: bearer(token) });
  return { res, health: res.status === 200 ? HealthCheckSchema.parse(await res.json()) : undefined };
}
