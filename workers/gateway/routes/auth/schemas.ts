/** Request fields and response shapes shared by the auth routes. */
import { z } from "@hono/zod-openapi";
import { PlanSchema, RoleSchema } from "../../../auth/principal";

const trimmedLowerCase = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : value);

/**
 * Trimmed and lower-cased before validation, storage and lookup, so sign-in does not depend on how it was typed.
 * (A preprocess rather than a pipe keeps `format: email` in the OpenAPI document.)
 */
export const EmailSchema = z
  .preprocess(
    trimmedLowerCase,
    z
      .email({ error: (issue) => (issue.input === undefined ? "Email is required" : "Enter a valid email address") })
      .max(254, { error: "Email must be at most 254 characters" }),
  )
  .openapi({ example: "ada@example.com" });

/** Upper bound for any password we hash, so a huge body cannot buy expensive work. */
const PASSWORD_MAX = 256;

/** The policy for new passwords (NIST SP 800-63B: length over composition rules). */
export const NewPasswordSchema = z
  .string({ error: "Password is required" })
  .min(12, { error: "Password must be at least 12 characters" })
  .max(PASSWORD_MAX, { error: `Password must be at most ${PASSWORD_MAX} characters` })
  .openapi({ example: "correct horse battery staple" });

/** Sign-in checks the password against its hash only; the policy applies when one is set. */
export const PasswordSchema = z
  .string({ error: "Password is required" })
  .min(1, { error: "Password is required" })
  .max(PASSWORD_MAX, { error: `Password must be at most ${PASSWORD_MAX} characters` });

export const TenantSchema = z
  .object({ id: z.string().openapi({ example: "ten_4f1c2a9b8e7d6c5b4a3f2e1d" }), name: z.string(), plan: PlanSchema })
  .openapi("Tenant");

export const UserSchema = z
  .object({
    id: z.string().openapi({ example: "usr_0a1b2c3d4e5f60718293a4b5" }),
    username: z.string(),
    email: z.string(),
    role: RoleSchema,
  })
  .openapi("User");
