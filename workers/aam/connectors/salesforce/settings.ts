/**
 * What the Salesforce client needs to reach one org: the login host, the grant with its credentials, and the read
 * tuning (API version, batch size, lookback, quota stop). Credentials live in the connection's sealed secrets; the
 * connector merges them in before parsing, so nothing here is ever stored in plain config.
 */
import { z } from "@hono/zod-openapi";
import { isTrustedOrigin } from "./trusted-origin";

const TrustedUrlSchema = z
  .string()
  .url()
  .refine(isTrustedOrigin, { error: "Salesforce is reached over https (plain http only on this machine, for local fakes)" });

export const SalesforceAuthSchema = z.discriminatedUnion("grant", [
  z.strictObject({
    grant: z.literal("jwt_bearer"),
    /** the connected app's consumer key: the assertion's iss */
    client_id: z.string().min(1),
    /** the integration user's username: the assertion's sub */
    username: z.string().min(1),
    /** PKCS#8 PEM of the key whose certificate is uploaded to the connected app (not PKCS#1 `RSA PRIVATE KEY`) */
    private_key: z.string().includes("-----BEGIN PRIVATE KEY-----"),
  }),
  z.strictObject({
    grant: z.literal("client_credentials"),
    client_id: z.string().min(1),
    client_secret: z.string().min(1),
  }),
]);
export type SalesforceAuth = z.infer<typeof SalesforceAuthSchema>;

export const SalesforceSettingsSchema = z.strictObject({
  /**
   * https://login.salesforce.com (production) or https://test.salesforce.com (sandbox): the token endpoint's host
   * and, for the JWT bearer flow, the assertion's audience, which Salesforce accepts only as one of those two
   */
  login_url: TrustedUrlSchema,
  auth: SalesforceAuthSchema,
  api_version: z.string().regex(/^\d{2}\.0$/).default("62.0"),
  /** Sforce-Query-Options batchSize: Salesforce honours 200–2000 */
  batch_size: z.number().int().min(200).max(2000).default(2000),
  /** re-read this far behind the watermark: SystemModstamp is stamped before commit, so late commits land behind it */
  lookback_seconds: z.number().int().min(0).max(3600).default(300),
  /** stop calling once this share of the org's daily API allocation is used */
  quota_stop_ratio: z.number().gt(0).max(1).default(0.9),
});
export type SalesforceSettings = z.infer<typeof SalesforceSettingsSchema>;
export type SalesforceSettingsInput = z.input<typeof SalesforceSettingsSchema>;
