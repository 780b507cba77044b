/** POST /api/v1/auth/login: email and password for an access token and a new refresh-token family. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../context";
import { problemResponses } from "../../problem";
import { database } from "../../../platform/db";
import { checkPassword } from "../../../auth/sign-in";
import { openSession, TokenPairSchema } from "../../../auth/sessions";
import { userPrincipal } from "../../../auth/tokens";
import { EmailSchema, PasswordSchema } from "./schemas";

const LoginRequestSchema = z.object({ email: EmailSchema, password: PasswordSchema }).openapi("LoginRequest");

const route = createRoute({
  method: "post",
  path: "/api/v1/auth/login",
  tags: ["auth"],
  summary: "Sign in with email and password",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: LoginRequestSchema } } } },
  responses: {
    200: { description: "Signed in", content: { "application/json": { schema: TokenPairSchema } } },
    ...problemResponses(400, 401, 413, 415, 429),
  },
});

export const registerLogin = (app: App) =>
  app.openapi(route, async (c) => {
    const { email, password } = c.req.valid("json");
    const db = database(c.env.DB);
    const claims = await checkPassword(db, email, password);
    c.set("principal", userPrincipal(claims));
    return c.json(await openSession(c.env, db, claims), 200);
  });
