/**
 * An access token from /services/oauth2/token by the connection's grant. The response's instance_url is where every
 * REST call then goes, so it must be a trusted origin before a token is sent there.
 */
import { z } from "@hono/zod-openapi";
import { SalesforceError, errorFromResponse } from "./errors";
import { signAssertion } from "./jwt-assertion";
import type { SalesforceSettings } from "./settings";
import { isTrustedOrigin } from "./trusted-origin";

export const TokenResponseSchema = z.object({
  access_token: z.string().min(1),
  instance_url: z.string().url(),
  token_type: z.string().optional(),
  scope: z.string().optional(),
  id: z.string().optional(),
  issued_at: z.string().optional(),
});
export type Session = { accessToken: string; instanceUrl: string };

export async function requestToken(settings: SalesforceSettings, fetcher: typeof fetch): Promise<Session> {
  const { auth } = settings;
  const loginOrigin = new URL(settings.login_url).origin;
  const form =
    auth.grant === "jwt_bearer"
      ? new URLSearchParams({
          grant_type: "urn:ietf:params:oauth:grant-type:jwt-bearer",
          assertion: await signAssertion({ clientId: auth.client_id, username: auth.username, privateKey: auth.private_key, audience: loginOrigin }),
        })
      : new URLSearchParams({ grant_type: "client_credentials", client_id: auth.client_id, client_secret: auth.client_secret });
  let response: Response;
  try {
    response = await fetcher(`${loginOrigin}/services/oauth2/token`, { method: "POST", body: form });
  } catch (error) {
    throw new SalesforceError("unreachable", "CONNECTION_FAILED", `The Salesforce login host is not reachable: ${(error as Error).message}`, 0);
  }
  if (!response.ok) throw await errorFromResponse(response);
  const parsed = TokenResponseSchema.safeParse(await response.json());
  if (!parsed.success) throw new SalesforceError("unreachable", "INVALID_TOKEN_RESPONSE", "The token response is not Salesforce's", response.status);
  if (!isTrustedOrigin(parsed.data.instance_url)) {
    throw new SalesforceError("bad-credentials", "UNTRUSTED_INSTANCE", "The token response names an instance that is not https", response.status);
  }
  return { accessToken: parsed.data.access_token, instanceUrl: new URL(parsed.data.instance_url).origin };
}
