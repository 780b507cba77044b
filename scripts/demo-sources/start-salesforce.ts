/**
 * The demo's Salesforce org on the fake (tests/fakes/salesforce): a connected app that trusts a fresh RS256 key
 * (the JWT bearer flow, as production integrations use), its integration user, and the demo's records.
 */
import { generateKeyPairSync } from "node:crypto";
import { startFakeSalesforce } from "../../tests/fakes/salesforce/server";
import { PORTS } from "./ports";
import { salesforceRecords } from "./salesforce-records";

export const SALESFORCE_CLIENT_ID = "3MVG9DemoSourcesConnectedApp";
export const SALESFORCE_USERNAME = "integration@demo-sources.example";

export interface DemoSalesforce {
  loginUrl: string;
  privateKey: string;
  stop(): Promise<void>;
}

export async function startSalesforce(): Promise<DemoSalesforce> {
  const fake = await startFakeSalesforce("127.0.0.1", PORTS.salesforce);
  try {
    const { publicKey, privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      publicKeyEncoding: { type: "spki", format: "pem" },
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
    });
    const res = await fetch(`${fake.url}/__fake/orgs`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ client_id: SALESFORCE_CLIENT_ID, username: SALESFORCE_USERNAME, public_key_pem: publicKey, records: salesforceRecords() }),
    });
    if (res.status !== 201) throw new Error(`the fake Salesforce refused the demo org: ${res.status} ${await res.text()}`);
    return { loginUrl: fake.url, privateKey, stop: fake.close };
  } catch (err) {
    await fake.close();
    throw err;
  }
}
