// `npm start`: local secrets, D1 migrations, the Worker (gateway + console + pipeline) on workerd, and a demo tenant.
import { ensureDevVars } from "./lib/dev-vars.mjs";
import { applyMigrations, startWorker } from "./lib/local-worker.mjs";
import { seedDemo } from "./seed-demo.mjs";
import "./extract-hash-wasm.mjs"; // generated files the Worker needs (normally made by postinstall)
import "./vendor-docs.mjs";
import "./vendor-duckdb.mjs";
import { buildConsole } from "./lib/console-build.mjs";

const port = Number(process.env.PORT ?? 8787);
const { vars, added } = ensureDevVars();
if (added.length > 0) console.log(`› generated ${added.join(", ")} into .dev.vars (local only, git-ignored)`);

console.log("› building the console (app/ → app/build)");
buildConsole({ quiet: true });

console.log("› applying D1 migrations");
applyMigrations();

console.log(`› starting the Worker on http://127.0.0.1:${port}`);
const worker = await startWorker({ port });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { worker.stop(); process.exit(0); });
worker.child.on("exit", (code) => process.exit(code ?? 0));

await seedDemo(worker.url, { email: vars.DEMO_EMAIL, password: vars.DEMO_PASSWORD });
console.log(`
AutonomOS is running
  console   ${worker.url}/
  API docs  ${worker.url}/api/v1/docs
  OpenAPI   ${worker.url}/api/v1/openapi.json
  health    ${worker.url}/api/v1/health
Press Ctrl+C to stop.`);
