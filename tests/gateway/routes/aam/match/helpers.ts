/** Calls of the match and settings routes, parsed with the routes' own schemas. */
import { expect } from "vitest";
import { MatchResponseSchema, type MatchRequest, type MatchResponse } from "../../../../../workers/aam/matching/ports";
import { AamSettingsSchema } from "../../../../../workers/gateway/routes/aam/settings/schemas";
import { bearer } from "../../../../helpers/auth";
import { call } from "../../../../helpers/http";

export const matchRaw = (token: string, body: unknown) => call("/api/v1/aam/match", { body, headers: bearer(token) });

export async function match(token: string, request: MatchRequest): Promise<MatchResponse> {
  const res = await matchRaw(token, request);
  expect(res.status, await res.clone().text()).toBe(200);
  return MatchResponseSchema.parse(await res.json());
}

export const putSettingsRaw = (token: string, body: unknown) => call("/api/v1/aam/settings", { method: "PUT", body, headers: bearer(token) });

export async function putThreshold(token: string, threshold: number | null) {
  const res = await putSettingsRaw(token, { auto_apply_threshold: threshold });
  expect(res.status, await res.clone().text()).toBe(200);
  return AamSettingsSchema.parse(await res.json());
}

export async function getSettings(token: string) {
  const res = await call("/api/v1/aam/settings", { headers: bearer(token) });
  expect(res.status, await res.clone().text()).toBe(200);
  return AamSettingsSchema.parse(await res.json());
}

/** A Salesforce Account as its describe call shows it. */
export const salesforceAccount: MatchRequest = {
  entity: "account",
  system: "salesforce",
  fields: [
    { name: "Name", label: "Account Name", type: "string", samples: ["Acme Corp", "Globex"] },
    { name: "AnnualRevenue", label: "Annual Revenue", type: "currency", samples: [1250000, 98000] },
    { name: "Phone", label: "Account Phone", type: "phone", samples: ["+1 415 555 0100"] },
    { name: "Website", label: "Website", type: "url", samples: ["https://acme.example"] },
    { name: "SLA_Serial_Number__c", label: "SLA Serial Number", type: "string", samples: ["SN-00412"] },
  ],
};
