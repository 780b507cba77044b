/**
 * The MongoDB connector's settings: the connection's stored config (schema owned by the connection registry) and
 * the connection string from its secrets, validated together when the connector is built.
 */
import { z } from "@hono/zod-openapi";
import { ProblemError, fieldIssues } from "../../../gateway/problem";
import { MongoDbConfigSchema } from "../../connections/config";

export const DEFAULTS = { cursor_field: "updatedAt", page_size: 500, lookback_seconds: 300, sample_size: 100 } as const;

/** The secret the connection keeps: a standard connection string, credentials included. */
export const MongoDbSecretsSchema = z.object({
  connection_string: z.string().regex(/^mongodb(\+srv)?:\/\//, { error: "A connection string starts with mongodb:// or mongodb+srv://" }),
});

export type MongoDbSettings = Required<Omit<z.infer<typeof MongoDbConfigSchema>, "collections">> &
  Pick<z.infer<typeof MongoDbConfigSchema>, "collections"> &
  z.infer<typeof MongoDbSecretsSchema>;

/** A stored config or secret that does not fit is a broken connection, reported like any invalid input. */
export function mongoDbSettings(config: unknown, secrets: unknown): MongoDbSettings {
  const parsedConfig = MongoDbConfigSchema.safeParse(config);
  if (!parsedConfig.success) {
    throw new ProblemError("validation-error", "The MongoDB config is invalid", { errors: fieldIssues(parsedConfig.error.issues, "config") });
  }
  const parsedSecrets = MongoDbSecretsSchema.safeParse(secrets);
  if (!parsedSecrets.success) {
    // the issues name the field only: a message quoting the value would quote the credentials
    const errors = fieldIssues(parsedSecrets.error.issues, "secrets");
    throw new ProblemError("validation-error", "The MongoDB connection needs its connection string in secrets.connection_string", { errors });
  }
  return { ...DEFAULTS, ...parsedConfig.data, ...parsedSecrets.data };
}
