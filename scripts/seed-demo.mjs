// Seeds the demo tenant through the public API, like any user would; prints its credentials the first time only.
export async function seedDemo(baseUrl, { email, password }) {
  const post = (path, body) =>
    fetch(`${baseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  const login = await post("/api/v1/auth/login", { email, password });
  if (login.status === 200) {
    console.log(`› demo tenant ready: ${email} (password: DEMO_PASSWORD in .dev.vars)`);
    return login.json();
  }
  const res = await post("/api/v1/auth/register", { email, password, tenant_name: "Demo Co", username: "demo" });
  if (res.status !== 201) throw new Error(`seeding the demo tenant failed: ${res.status} ${await res.text()}`);
  const created = await res.json();
  console.log(`
› demo tenant created (shown once; also in .dev.vars)
    tenant    ${created.tenant.name} (${created.tenant.id})
    email     ${email}
    password  ${password}`);
  return created;
}
