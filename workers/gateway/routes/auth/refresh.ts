/** POST /api/v1/auth/refresh: exchanges a refresh token for a new pair; a reused token revokes its whole family. */
import { createRoute, z } from "@hono/zod-openapi";
import type { App } from "../../context";
import { problemResponses } from "../../problem";
import { database } from "../../../platform/db";
import { refreshSession, TokenPairSchema } from "../../../auth/sessions";
import { userPrincipal } from "../../../auth/tokens";

const RefreshRequestSchema = z
  .object({
    refresh_token: z
      .string({ error: "Refresh token is required" })
      .min(1, { error: "Refresh token is required" })
      .max(256, { error: "Refresh token must be at most 256 characters" }),
  })
  .openapi("RefreshRequest");

const route = createRoute({
  method: "post",
  path: "/api/v1/auth/refresh",
  tags: ["auth"],
  summary: "Rotate a refresh token into a new token pair",
  security: [],
  request: { body: { required: true, content: { "application/json": { schema: RefreshRequestSchema } } } },
  responses: {
    200: { description: "A new token pair; the presented refresh token is spent", content: { "application/json": { schema: TokenPairSchema } } },
    ...problemResponses(400, 401, 413, 415, 429),
  },
});

export const registerRefresh = (app: App) =>
  app.openapi(route, async (c) => {
    const { claims, tokens } = await refreshSession(c.env, database(c.env.DB), c.req.valid("json").refresh_token);
    c.set("principal", userPrincipal(claims));
    return c.json(tokens, 200);
  });
