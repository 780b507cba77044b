/** Wire shapes shared by the action routes. */
import { z } from "@hono/zod-openapi";

export const ActionIdParamsSchema = z.object({
  id: z.string().min(1).openapi({ param: { name: "id", in: "path" }, example: "act_5d41402abc4b2a76b9719d91" }),
});
