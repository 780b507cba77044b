// Seeds the demo tenant through the public API, like any user would: its admin (credentials printed the first
// time only) and a FileSource connection whose messy CSV exports go through the real pipeline.
import { readFileSync } from "node:fs";

const DEMO_CONNECTION = "Legacy CRM export";
const DEMO_FILES = [
  { name: "accounts.csv", entity: "account" },
  { name: "deals.csv", entity: "opportunity" },
  { name: "contacts.csv", entity: "contact" },
];

export async function seedDemo(baseUrl, { email, password }) {
  const session = await demoSession(baseUrl, { email, password });
  await seedConnection(baseUrl, session.access_token);
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

/** On first start, a FileSource connection and three CSV exports uploaded through the files API. */
async function seedConnection(baseUrl, token) {
  const auth = { authorization: `Bearer ${token}` };
  const list = await (await fetch(`${baseUrl}/api/v1/aam/connections`, { headers: auth })).json();
  if (list.items.some((c) => c.name === DEMO_CONNECTION)) return;
  const created = await postJson(baseUrl, "/api/v1/aam/connections", { system: "filesource", name: DEMO_CONNECTION, config: {} }, auth);
  if (created.status !== 201) throw new Error(`creating the demo connection failed: ${created.status} ${await created.text()}`);
  const connection = await created.json();
  for (const file of DEMO_FILES) {
    const body = readFileSync(new URL(`./demo/legacy-crm/${file.name}`, import.meta.url));
    const query = new URLSearchParams({ entity: file.entity, name: file.name });
    const res = await fetch(`${baseUrl}/api/v1/aam/connections/${connection.id}/files?${query}`, {
      method: "POST",
      headers: { ...auth, "content-type": "text/csv", "content-length": String(body.byteLength) },
      body,
    });
    if (res.status !== 202) throw new Error(`uploading ${file.name} failed: ${res.status} ${await res.text()}`);
    const { run_id } = await res.json();
    console.log(`› demo upload ${file.name} → run ${run_id} (GET /api/v1/aam/runs/${run_id})`);
  }
}

function postJson(baseUrl, path, body, headers = {}) {
  return fetch(`${baseUrl}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
}
