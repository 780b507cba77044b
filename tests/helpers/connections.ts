/** Creating connections through the real API, for any test that needs one. */
import { ConnectionSchema } from "../../workers/gateway/routes/aam/connections/schemas";
import { bearer } from "./auth";
import { call } from "./http";

export const CONNECTIONS = "/api/v1/aam/connections";

/** A FileSource connection with a unique name unless the body says otherwise; fails the test on anything but 201. */
export async function createConnection(credential: string, body: Record<string, unknown> = {}) {
  const request = { system: "filesource", name: `files-${crypto.randomUUID()}`, config: { format: "csv" }, ...body };
  const res = await call(CONNECTIONS, { body: request, headers: bearer(credential) });
  if (res.status !== 201) throw new Error(`connection creation failed: ${res.status} ${await res.text()}`);
  return ConnectionSchema.parse(await res.json());
}
