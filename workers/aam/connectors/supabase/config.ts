/**
 * The Supabase connector's settings: the connection's stored config (schema owned by the connection registry) and
 * the API key from its secrets, validated together when the connector is built.
 */
import { z } from "@hono/zod-openapi";
import { ProblemError, fieldIssues } from "../../../gateway/problem";
import { SupabaseConfigSchema } from "../../connections/config";

export const DEFAULT_PAGE_SIZE = 1000;

/** The secret the connection keeps: a `sb_secret_…` key or a legacy `service_role` JWT. */
export const SupabaseSecretsSchema = z.object({ api_key: z.string().min(1) });

export type SupabaseSettings = z.infer<typeof SupabaseConfigSchema> & z.infer<typeof SupabaseSecretsSchema>;

/** A stored config or secret that does not fit is a broken connection, reported like any invalid input. */
export function supabaseSettings(config: unknown, secrets: unknown): SupabaseSettings {
  const parsedConfig = SupabaseConfigSchema.safeParse(config);
  if (!parsedConfig.success) {
    throw new ProblemError("validation-error", "The Supabase config is invalid", {
      errors: fieldIssues(parsedConfig.error.issues, "config"),
    });
  }
  const parsedSecrets = SupabaseSecretsSchema.safeParse(secrets);
  if (!parsedSecrets.success) {
    throw new ProblemError("validation-error", "The Supabase connection needs its API key in secrets.api_key", {
      errors: fieldIssues(parsedSecrets.error.issues, "secrets"),
    });
  }
  return { ...parsedConfig.data, ...parsedSecrets.data };
}
