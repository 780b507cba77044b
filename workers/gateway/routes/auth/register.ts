/** POST /api/v1/auth/register: creates a tenant (free plan) and its admin, and signs the admin in. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../context";
import { problemResponses } from "../../problem";
import { database } from "../../../platform/db";
import { registerTenant } from "../../../auth/registration";
import { openSession, TokenPairSchema } from "../../../auth/sessions";
import { userPrincipal } from "../../../auth/tokens";
import { EmailSchema, NewPasswordSchema, TenantSchema, UserSchema } from "./schemas";

export const RegisterRequestSchema = z
  .object({
    email: EmailSchema,
    password: NewPasswordSchema,
    tenant_name: z
      .string({ error: "Tenant name is required" })
      .trim()
      .min(1, { error: "Tenant name is required" })
      .max(100, { error: "Tenant name must be at most 100 characters" })
      .openapi({ example: "Acme Corp" }),
    username: z
      .string()
      .trim()
      .min(1, { error: "Username must not be empty" })
      .max(64, { error: "Username must be at most 64 characters" })
      .optional()
      .openapi({ description: "Defaults to the part of the email before the @" }),
  })
  .openapi("RegisterRequest");

export const RegisteredSchema = TokenPairSchema.extend({ tenant: TenantSchema, user: UserSchema }).openapi("Registered");

const route = createRoute({
  method: "post",
  path: "/api/v1/auth/register",
  tags: ["auth"],
  summary: "Create a tenant and its admin user",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: RegisterRequestSchema } } } },
  responses: {
    201: { description: "The tenant, its admin and the admin's tokens", content: { "application/json": { schema: RegisteredSchema } } },
    ...problemResponses(400, 409, 413, 415, 429),
  },
});

export const registerRegister = (app: App) =>
  app.openapi(route, async (c) => {
    const body = c.req.valid("json");
    const db = database(c.env.DB);
    const { tenant, user, claims } = await registerTenant(db, {
      email: body.email,
      password: body.password,
      tenantName: body.tenant_name,
      username: body.username ?? body.email.slice(0, body.email.indexOf("@")),
    });
    c.set("principal", userPrincipal(claims));
    return c.json({ tenant, user, ...(await openSession(c.env, db, claims)) }, 201);
  });
