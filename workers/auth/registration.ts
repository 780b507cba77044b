/** Sign-up: a new tenant on the free plan with its first user as admin. */
import type { Database } from "../platform/db";
import { newId } from "../platform/ids";
import { ProblemError } from "../gateway/problem";
import { createTenantWithUser } from "./identity";
import { hashPassword } from "./passwords";
import type { AccessClaims } from "./tokens";

/** D1 reports the unique index on users.email as a constraint failure somewhere in the error's cause chain. */
function isDuplicateEmail(err: unknown): boolean {
  for (let e = err; e instanceof Error; e = e.cause) {
    if (/UNIQUE constraint failed: users\.email/.test(e.message)) return true;
  }
  return false;
}

export async function registerTenant(
  db: Database,
  input: { email: string; password: string; tenantName: string; username: string },
) {
  const tenant = { id: newId("ten"), name: input.tenantName, plan: "free" as const };
  const user = {
    id: newId("usr"),
    username: input.username,
    email: input.email,
    hashedPassword: await hashPassword(input.password),
    role: "admin" as const,
  };
  try {
    await createTenantWithUser(db, tenant, user);
  } catch (err) {
    if (isDuplicateEmail(err)) throw new ProblemError("conflict", "An account with this email already exists");
    throw err;
  }
  const claims: AccessClaims = { sub: user.id, tid: tenant.id, plan: tenant.plan, role: user.role };
  return { tenant, user: { id: user.id, username: user.username, email: user.email, role: user.role }, claims };
}
