// Seeds the demo tenant through the public API, like any user would: its admin (credentials printed the first
// time only) and FileSource connections whose messy exports from two CRMs, and a cloud bill, go through the real
// pipeline.
import { readFileSync } from "node:fs";

/**
 * One FileSource connection per demo system, each with its exports in scripts/demo/<folder>/: a European legacy
 * CRM and a US CRM (HubSpot-style), partly the same companies, and a month of cloud costs from AWS, Azure and Google
 * Cloud as a FOCUS export. No entity is sent: each file's name matches one mapping's `files` patterns
 * (mappings/filesource/*.yaml).
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
  {
    name: "Cloud bills (FOCUS)",
    folder: "cloud-costs",
    // a month's bill from 2024, replayed as the month up to yesterday so the FinOps agent's window (the trailing
    // 120 days) holds it
    files: [{ name: "focus-2024-09.csv", type: "text/csv", replayUntilYesterday: true }],
  },
];

export async function seedDemo(baseUrl, { email, password }) {
  const session = await demoSession(baseUrl, { email, password });
  for (const demo of DEMO_CONNECTIONS) await seedConnection(baseUrl, session.access_token, demo);
  await runAgentsOnce(baseUrl, session.access_token);
}

/** Every ISO timestamp of a file moved by whole days so that its latest day is yesterday (UTC). */
export function replayUntilYesterday(text) {
  const stamps = [...text.matchAll(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/g)].map(([stamp]) => Date.parse(`${stamp}Z`));
  const day = 86_400_000;
  const yesterday = Math.floor(Date.now() / day) * day - day;
  const shift = Math.round((yesterday - Math.floor(Math.max(...stamps) / day) * day) / day) * day;
  return text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/g, (stamp) => new Date(Date.parse(`${stamp}Z`) + shift).toISOString().slice(0, 19));
}

/**
 * On the demo's first start: once the uploads are through the pipeline (waited for up to two minutes), both agents
 * run, so the Agents page has findings, a forecast and proposed actions to approve.
 */
async function runAgentsOnce(baseUrl, token) {
  const auth = { authorization: `Bearer ${token}` };
  const ran = await (await fetch(`${baseUrl}/api/v1/aoa/runs?limit=1`, { headers: auth })).json();
  if (ran.items.length > 0) return;
  for (let waited = 0; waited < 120; waited += 2) {
    const runs = await (await fetch(`${baseUrl}/api/v1/aam/runs?limit=200`, { headers: auth })).json();
    if (runs.items.every((run) => run.status === "succeeded" || run.status === "failed")) break;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  for (const agent of ["revops", "finops"]) {
    const res = await postJson(baseUrl, `/api/v1/aoa/agents/${agent}/run`, {}, auth);
    const run = await res.json();
    if (res.status !== 200) throw new Error(`running the ${agent} agent failed: ${res.status} ${JSON.stringify(run)}`);
    console.log(`› demo agent ${agent}: ${run.status}, ${run.counts?.findings ?? 0} findings (GET /api/v1/aoa/runs/${run.id})`);
  }
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
    const raw = readFileSync(new URL(`./demo/${demo.folder}/${file.name}`, import.meta.url));
    const body = file.replayUntilYesterday === true ? Buffer.from(replayUntilYesterday(raw.toString("utf8"))) : raw;
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
