/** Sign-up: a new tenant on the free plan with its first user as admin. */
import { type Database, isUniqueViolation } from "../platform/db";
import { newId } from "../platform/ids";
import { ProblemError } from "../gateway/problem";
import { createTenantWithUser } from "./identity";
import { hashPassword } from "./passwords";
import type { AccessClaims } from "./tokens";

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
    if (isUniqueViolation(err, "users.email")) throw new ProblemError("conflict", "An account with this email already exists");
    throw err;
  }
  const claims: AccessClaims = { sub: user.id, tid: tenant.id, plan: tenant.plan, role: user.role };
  return { tenant, user: { id: user.id, username: user.username, email: user.email, role: user.role }, claims };
}
