/** Makes data flow through the real pipeline for a console test: a FileSource connection and CSV uploads to it. */
import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { type Session, apiAs } from "./tenant";

/** How long a test waits for the pipeline (queues, mapping, drift, repair) under wrangler dev: generous, never a timing assertion. */
export const PIPELINE = { timeout: 60_000 };

export async function createFileConnection(session: Session, name = `E2E files ${randomUUID().slice(0, 8)}`): Promise<{ id: string; name: string }> {
  return apiAs(session, "/api/v1/aam/connections", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ system: "filesource", name, config: { format: "csv" } }),
  });
}

/** Uploads `csv` as `name` (its name picks the mapping, e.g. accounts*.csv); returns the run and the request's trace id. */
export async function uploadCsv(session: Session, connectionId: string, name: string, csv: string): Promise<{ runId: string; traceId: string }> {
  const res = await fetch(`${inject("baseUrl")}/api/v1/aam/connections/${connectionId}/files?${new URLSearchParams({ name })}`, {
    method: "POST",
    headers: { authorization: `Bearer ${session.access_token}`, "content-type": "text/csv", "content-length": String(Buffer.byteLength(csv)) },
    body: csv,
  });
  if (res.status !== 202) throw new Error(`uploading ${name} failed: ${res.status} ${await res.text()}`);
  const { run_id } = (await res.json()) as { run_id: string };
  // traceparent: 00-<trace id>-<span id>-<flags>
  return { runId: run_id, traceId: res.headers.get("traceparent")?.split("-")[1] ?? "" };
}

const ACCOUNT_HEADER = "Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;Tel;City;Country;Account Manager;Notes;Created;Last Modified";

/** Accounts in the legacy CRM export's format (mappings/filesource/accounts.yaml); distinct names so no two link. */
export function accountsCsv(companies: string[]): string {
  const rows = companies.map((company) => {
    const slug = company.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return `K-${slug};${company};Logistics;1.000,00;10;www.${slug}.example;;berlin;DE;;;01/01/2024;01/01/2024 10:00`;
  });
  return [ACCOUNT_HEADER, ...rows].join("\n") + "\n";
}
