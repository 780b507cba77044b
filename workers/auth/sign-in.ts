/** Password sign-in: an unknown email and a wrong password fail alike, in the same time and with the same answer. */
import type { Database } from "../platform/db";
import { ProblemError } from "../gateway/problem";
import { userByEmail } from "./identity";
import { verifyPassword } from "./passwords";
import type { AccessClaims } from "./tokens";

export async function checkPassword(db: Database, email: string, password: string): Promise<AccessClaims> {
  const found = await userByEmail(db, email);
  const matches = await verifyPassword(password, found?.user.hashedPassword);
  if (found === undefined || !matches) throw new ProblemError("invalid-credentials", "The email or password is wrong");
  return { sub: found.user.id, tid: found.user.tenantId, plan: found.plan, role: found.user.role };
}
