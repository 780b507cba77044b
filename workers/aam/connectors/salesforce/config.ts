/**
 * A Salesforce connection's stored config (what to reach and read) and how it combines with the connection's sealed
 * secrets (`private_key` for the JWT bearer flow, `client_secret` for client credentials) into the client's
 * settings. The tuning fields are the client settings' own schemas, not copies.
 */
import { z } from "@hono/zod-openapi";
import { ProblemError } from "../../../gateway/problem";
import type { ConnectionSecrets } from "../../connections/schemas";
import { type SalesforceSettings, SalesforceSettingsSchema } from "./settings";

const settings = SalesforceSettingsSchema.shape;
const ObjectNameSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,79}$/, { error: "A Salesforce object's API name, e.g. Account or Invoice__c" });

export const SalesforceConfigSchema = z
  .strictObject({
    login_url: settings.login_url.openapi({ example: "https://login.salesforce.com" }),
    grant: z.enum(["jwt_bearer", "client_credentials"]).openapi({ description: "jwt_bearer takes secrets.private_key, client_credentials secrets.client_secret" }),
    client_id: z.string().min(1).openapi({ description: "The connected app's consumer key" }),
    username: z.string().min(1).optional().openapi({ description: "The integration user (jwt_bearer only)" }),
    objects: z.array(ObjectNameSchema).min(1).max(50).default(["Account", "Contact", "Opportunity"]),
    external_id_field: ObjectNameSchema.optional().openapi({
      description:
        "An External ID field on every written object (e.g. AutonomOS_Key__c): creates then go as upserts keyed by the " +
        "write's idempotency key, so a retried create updates the record its first attempt made instead of duplicating it",
      example: "AutonomOS_Key__c",
    }),
    // unwrapped: a connection stores only what it overrides, so a default the client changes reaches every connection
    api_version: settings.api_version.unwrap().optional(),
    batch_size: settings.batch_size.unwrap().optional(),
    lookback_seconds: settings.lookback_seconds.unwrap().optional(),
    quota_stop_ratio: settings.quota_stop_ratio.unwrap().optional(),
  })
  .refine((config) => config.grant !== "jwt_bearer" || config.username !== undefined, {
    error: "The JWT bearer flow signs in as a user: set username",
    path: ["username"],
  })
  .openapi("SalesforceConfig");
export type SalesforceConfig = z.output<typeof SalesforceConfigSchema>;

function secretOf(secrets: ConnectionSecrets | null, name: "private_key" | "client_secret"): string {
  const value = secrets?.[name];
  if (value === undefined || value === "") {
    throw new ProblemError("validation-error", `The Salesforce connection needs the \`${name}\` secret`);
  }
  return value;
}

export function salesforceSettings(config: SalesforceConfig, secrets: ConnectionSecrets | null): SalesforceSettings {
  const { grant, client_id, username, objects: _objects, external_id_field: _field, ...tuning } = config;
  const auth =
    grant === "jwt_bearer"
      ? { grant, client_id, username, private_key: secretOf(secrets, "private_key") }
      : { grant, client_id, client_secret: secretOf(secrets, "client_secret") };
  const parsed = SalesforceSettingsSchema.safeParse({ ...tuning, auth });
  if (!parsed.success) throw new ProblemError("validation-error", "The Salesforce credentials do not have the expected form");
  return parsed.data;
}
