// Seeds the demo tenant through the public API, like any user would: its admin (credentials printed the first
// time only) and a FileSource connection whose messy exports from two CRMs go through the real pipeline.
import { readFileSync } from "node:fs";

/**
 * One FileSource connection per demo system, each with its exports in scripts/demo/<folder>/: a European legacy
 * CRM and a US CRM (HubSpot-style), partly the same companies. No entity is sent: each file's name matches one
 * mapping's `files` patterns (mappings/filesource/*.yaml).
 */
export const DEMO_CONNECTIONS = [
  {
    name: "Legacy CRM export",
    folder: "legacy-crm",
    files: [
      { name: "accounts.csv", type: "text/csv" },
      { name: "deals.csv", type: "text/csv" },
      { name: "contacts.csv", type: "text/csv" },
    ],
  },
  {
    name: "US CRM export (HubSpot)",
    folder: "hubspot",
    files: [
      { name: "hubspot-companies.csv", type: "text/csv" },
      { name: "hubspot-deals.tsv", type: "text/tab-separated-values" },
      { name: "hubspot-contacts.csv", type: "text/csv" },
    ],
  },
];

export async function seedDemo(baseUrl, { email, password }) {
  const session = await demoSession(baseUrl, { email, password });
  for (const demo of DEMO_CONNECTIONS) await seedConnection(baseUrl, session.access_token, demo);
}

async function demoSession(baseUrl, { email, password }) {
  const login = await postJson(baseUrl, "/api/v1/auth/login", { email, password });
  if (login.status === 200) {
    console.log(`› demo tenant ready: ${email} (password: DEMO_PASSWORD in .dev.vars)`);
    return login.json();
  }
  const res = await postJson(baseUrl, "/api/v1/auth/register", { email, password, tenant_name: "Demo Co", username: "demo" });
  if (res.status !== 201) throw new Error(`seeding the demo tenant failed: ${res.status} ${await res.text()}`);
  const created = await res.json();
  console.log(`
› demo tenant created (shown once; also in .dev.vars)
    tenant    ${created.tenant.name} (${created.tenant.id})
    email     ${email}
    password  ${password}`);
  return created;
}

/** The demo's connection (created on first start), then every demo file it has no upload run for, through the files API. */
async function seedConnection(baseUrl, token, demo) {
  const auth = { authorization: `Bearer ${token}` };
  const list = await (await fetch(`${baseUrl}/api/v1/aam/connections?limit=100`, { headers: auth })).json();
  const connection = list.items.find((c) => c.name === demo.name) ?? (await createDemoConnection(baseUrl, auth, demo.name));
  const runs = await (await fetch(`${baseUrl}/api/v1/aam/runs?connection_id=${connection.id}&limit=200`, { headers: auth })).json();
  const uploaded = new Set(runs.items.filter((run) => run.kind === "upload").map((run) => run.object));
  for (const file of demo.files.filter((f) => !uploaded.has(f.name))) {
    const body = readFileSync(new URL(`./demo/${demo.folder}/${file.name}`, import.meta.url));
    const res = await fetch(`${baseUrl}/api/v1/aam/connections/${connection.id}/files?${new URLSearchParams({ name: file.name })}`, {
      method: "POST",
      headers: { ...auth, "content-type": file.type, "content-length": String(body.byteLength) },
      body,
    });
    if (res.status !== 202) throw new Error(`uploading ${file.name} failed: ${res.status} ${await res.text()}`);
    const { run_id } = await res.json();
    console.log(`› demo upload ${demo.folder}/${file.name} → run ${run_id} (GET /api/v1/aam/runs/${run_id})`);
  }
}

async function createDemoConnection(baseUrl, auth, name) {
  const created = await postJson(baseUrl, "/api/v1/aam/connections", { system: "filesource", name, config: {} }, auth);
  if (created.status !== 201) throw new Error(`creating the demo connection failed: ${created.status} ${await created.text()}`);
  return created.json();
}

function postJson(baseUrl, path, body, headers = {}) {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}
