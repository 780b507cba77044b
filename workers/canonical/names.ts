/** The names the canonical model shares with every plane: which systems records come from, which entities exist. */
import { z } from "@hono/zod-openapi";

export const SourceSystemSchema = z
  .enum(["salesforce", "supabase", "mongodb", "filesource"])
  .openapi("SourceSystem")
  .meta({ description: "The kind of system a source is" });
export type SourceSystem = z.infer<typeof SourceSystemSchema>;

export const EntityNameSchema = z.enum(["account", "opportunity", "contact", "cost"]).openapi("EntityName");
export type EntityName = z.infer<typeof EntityNameSchema>;
