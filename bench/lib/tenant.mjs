// A benchmark tenant: registered through the API, then moved to the enterprise plan so its traffic measures the
// code, not the plan's rate limits.
import { spawnSync } from "node:child_process";

const wrangler = new URL("../../node_modules/.bin/wrangler", import.meta.url).pathname;
const json = { "content-type": "application/json" };

/** A fresh enterprise tenant's access token (its owner holds every scope) on the bench worker (bench-worker.mjs). */
export async function enterpriseToken({ url, persistTo, cwd }, label) {
  const email = `bench-${label}-${Date.now()}@autonomos.dev`;
  const password = "bench-password-long-enough";
  const reg = await fetch(`${url}/api/v1/auth/register`, {
    method: "POST", headers: json, body: JSON.stringify({ email, password, tenant_name: `Bench ${label}` }),
  });
  if (reg.status !== 201) throw new Error(`register: ${reg.status} ${await reg.text()}`);
  const { tenant } = await reg.json();
  const sql = `UPDATE tenants SET plan = 'enterprise' WHERE id = '${tenant.id}'`;
  const update = spawnSync(wrangler, ["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--command", sql], {
    cwd,
    env: { ...process.env, CI: "1" },
  });
  if (update.status !== 0) throw new Error(`plan update failed: ${update.stderr}`);
  const login = await fetch(`${url}/api/v1/auth/login`, { method: "POST", headers: json, body: JSON.stringify({ email, password }) });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  return (await login.json()).access_token;
}
