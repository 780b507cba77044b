/**
 * `npm run demo:sources`: next to a running `npm start`, starts the demo's Salesforce (fake), Supabase (PostgreSQL 15
 * + PostgREST + gateway stand-in) and MongoDB (stand-in) with overlapping CRM data, connects them to the demo tenant
 * through the public API, syncs each and prints the runs and the unified views. The sources stay up (the
 * connections' schedules keep reading them) until Ctrl-C, which stops everything this started and removes the
 * PostgreSQL cluster.
 */
import { existsSync } from "node:fs";
import { ensureDevVars } from "../lib/dev-vars.mjs";
import { DemoApi } from "./api";
import { connectionSpecs, ensureConnection, syncAndWait } from "./connections";
import { PORTS } from "./ports";
import { viewCounts } from "./report";
import { startMongoDb } from "./start-mongodb";
import { startSalesforce } from "./start-salesforce";
import { startSupabase } from "./start-supabase";

const baseUrl = process.env.AUTONOMOS_URL ?? `http://127.0.0.1:${process.env.PORT ?? 8787}`;
const stops: (() => Promise<void>)[] = [];
let stopping: Promise<void> | undefined;

function shutdown(code: number): Promise<void> {
  stopping ??= (async () => {
    console.log("› stopping the demo sources");
    for (const stop of stops.reverse()) await stop().catch((err: unknown) => console.error(`  could not stop a source: ${String(err)}`));
    process.exit(code);
  })();
  return stopping;
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));

async function main(): Promise<void> {
  if (!existsSync(".dev.vars")) throw new Error("no .dev.vars here: run `npm start` (from this folder) first; it creates the demo tenant");
  // every key is there: ensureDevVars fills in whichever is missing
  const { vars } = ensureDevVars() as { vars: Record<"DEMO_EMAIL" | "DEMO_PASSWORD", string> };
  const api = await DemoApi.signIn(baseUrl, { email: vars.DEMO_EMAIL, password: vars.DEMO_PASSWORD });
  console.log(`› signed in to ${baseUrl} as the demo tenant`);

  const supabase = await startSupabase();
  stops.push(supabase.stop);
  console.log(`› Supabase (PostgreSQL 15 :${PORTS.postgres}, PostgREST :${PORTS.postgrest}) at ${supabase.url}`);
  const salesforce = await startSalesforce();
  stops.push(salesforce.stop);
  console.log(`› Salesforce (fake) at ${salesforce.loginUrl}`);
  const mongodb = await startMongoDb();
  stops.push(mongodb.stop);
  console.log(`› MongoDB (stand-in) at ${mongodb.connectionString}`);

  for (const spec of connectionSpecs({ salesforce, supabase, mongodb })) {
    const connection = await ensureConnection(api, spec);
    const runs = await syncAndWait(api, connection.id);
    console.log(`› ${spec.name} (${connection.id}) synced:`);
    for (const run of runs) {
      const { read, emitted, quarantined, duplicates } = run.counts;
      console.log(`    ${run.object.padEnd(14)} ${run.status.padEnd(9)} read ${read}, emitted ${emitted}, duplicates ${duplicates}, quarantined ${quarantined}${run.error === null ? "" : ` — ${run.error}`}`);
    }
  }

  console.log("› unified views (rows, and rows with records from each system):");
  for (const [view, count] of Object.entries(await viewCounts(api))) {
    const systems = Object.entries(count.by_system).map(([system, n]) => `${system} ${n}`).join(", ");
    const linked = Object.entries(count.systems_per_row).map(([n, rows]) => `${rows} from ${n}`).join(", ");
    console.log(`    ${view.padEnd(14)} ${count.rows} rows (${systems}; systems per row: ${linked})`);
  }
  console.log(`
The demo sources are running; the console at ${baseUrl}/ shows all four. Press Ctrl+C to stop them.`);
}

main().catch((err: unknown) => {
  console.error(`demo:sources failed: ${err instanceof Error ? err.message : String(err)}`);
  void shutdown(1);
});
