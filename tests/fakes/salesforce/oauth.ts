/**
 * POST /services/oauth2/token for the two server-to-server grants the connector uses: the JWT bearer flow (an RS256
 * assertion whose iss is the connected app's consumer key, sub the username, aud the login URL) and client
 * credentials. Errors are OAuth's `{error, error_description}` with HTTP 400, as Salesforce answers them.
 */
import { randomBytes } from "node:crypto";
import { importSPKI, jwtVerify } from "jose";
import oauth from "./fixtures/oauth.json" with { type: "json" };
import { type Org, orgs, sessions } from "./org";

type Reply = { status: number; body: unknown };
type OAuthError = keyof typeof oauth.errors;

const fail = (error: OAuthError): Reply => ({
  status: 400,
  body: { error: error === "user_not_approved" ? "invalid_grant" : error, error_description: oauth.errors[error] },
});

function issue(org: Org, baseUrl: string, template: Record<string, unknown>): Reply {
  org.tokensIssued += 1;
  const token = `${org.id}!${randomBytes(32).toString("base64url")}`;
  if (org.options.sessions_die_immediately !== true) sessions.set(token, org.id);
  return {
    status: 200,
    body: { ...template, access_token: token, instance_url: baseUrl, issued_at: String(Date.now()) },
  };
}

const findOrg = (clientId: string | null) => [...orgs.values()].find((org) => org.options.client_id === clientId);

export async function tokenEndpoint(form: URLSearchParams, baseUrl: string): Promise<Reply> {
  const grant = form.get("grant_type");
  if (grant === "client_credentials") {
    const org = findOrg(form.get("client_id"));
    const secret = form.get("client_secret");
    if (org === undefined || org.options.client_secret === undefined || org.options.client_secret !== secret) return fail("invalid_client");
    return issue(org, baseUrl, oauth.client_credentials_success);
  }
  if (grant !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return fail("unsupported_grant_type");
  const assertion = form.get("assertion") ?? "";
  const [, payloadPart = ""] = assertion.split(".");
  let claims: { iss?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payloadPart, "base64url").toString("utf8"));
  } catch {
    return fail("invalid_grant");
  }
  const org = findOrg(typeof claims.iss === "string" ? claims.iss : null);
  if (org?.options.public_key_pem === undefined) return fail("invalid_client_id");
  try {
    const key = await importSPKI(org.options.public_key_pem, "RS256");
    const { payload } = await jwtVerify(assertion, key, { algorithms: ["RS256"], audience: baseUrl });
    // Salesforce refuses an assertion without exp or one valid for more than 3 minutes
    if (payload.exp === undefined || payload.exp * 1000 - Date.now() > 3 * 60_000) return fail("invalid_grant");
    if (payload.sub !== org.options.username) return fail("user_not_approved");
  } catch {
    return fail("invalid_grant");
  }
  return issue(org, baseUrl, oauth.jwt_success);
}
