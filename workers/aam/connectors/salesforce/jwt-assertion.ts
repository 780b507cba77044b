/**
 * The JWT bearer flow's assertion (RFC 7523 as Salesforce takes it): iss the consumer key, sub the username, aud the
 * login URL, exp at most three minutes ahead, signed RS256 with the connected app's private key.
 */
import { SignJWT, importPKCS8 } from "jose";
import { SalesforceError } from "./errors";

const LIFETIME_SECONDS = 170;

export async function signAssertion(input: { clientId: string; username: string; privateKey: string; audience: string }): Promise<string> {
  // jose's message is not shown: it can quote the key material it failed to read
  const key = await importPKCS8(input.privateKey, "RS256").catch(() => {
    throw new SalesforceError("bad-credentials", "INVALID_PRIVATE_KEY", "The private key is not a PKCS#8 RSA key", 0);
  });
  return new SignJWT({})
    .setProtectedHeader({ alg: "RS256" })
    .setIssuer(input.clientId)
    .setSubject(input.username)
    .setAudience(input.audience)
    .setExpirationTime(Math.floor(Date.now() / 1000) + LIFETIME_SECONDS)
    .sign(key);
}
