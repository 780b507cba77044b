/** Shared by the drift tests: bundled mappings, raw records, and one observation step as the observer runs it. */
import type { RawRecord } from "../../../workers/aam/connectors/connector";
import { bundledMappings } from "../../../workers/aam/mapping/bundled";
import type { MappingDocument } from "../../../workers/aam/mapping/format";
import { loadMapping } from "../../../workers/aam/mapping/load";
import { detectDrift } from "../../../workers/aam/drift/detect";
import { mergeShapes, observeRecords, type ObservedShape } from "../../../workers/aam/drift/observe";

export function bundled(file: string): MappingDocument {
  const source = bundledMappings.find((m) => m.file === file);
  if (source === undefined) throw new Error(`no bundled mapping ${file}`);
  return loadMapping(source).document;
}

export const records = (datas: Record<string, unknown>[]): RawRecord[] =>
  datas.map((data, i) => ({ record_id: `r${i}`, data, cursor: String(i) }));

/** One batch through detect and merge, as observe-batch.ts does it (without D1). */
export function observeStep(shape: ObservedShape | undefined, datas: Record<string, unknown>[], mapping?: MappingDocument) {
  const batch = observeRecords(records(datas));
  const changes = detectDrift({ previous: shape?.fields, previousRecords: shape?.records ?? 0, batch, batchRecords: datas.length, mapping });
  const removed = changes.filter((c) => c.kind === "removed").map((c) => c.path);
  return { changes, shape: { fields: mergeShapes(shape?.fields ?? [], batch, removed), records: (shape?.records ?? 0) + datas.length } };
}

export function sfAccount(n: number, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    attributes: { type: "Account", url: `/services/data/v61.0/sobjects/Account/001${n}` },
    Id: `001${n}`,
    Name: `Acme ${n}`,
    Industry: n % 2 === 0 ? "Energy" : null,
    AnnualRevenue: 1000 * n,
    CurrencyIsoCode: "EUR",
    NumberOfEmployees: 10 + n,
    Website: null,
    Phone: "+49 30 1234",
    BillingCity: "Berlin",
    BillingCountry: "Germany",
    OwnerId: "005A",
    Description: null,
    CreatedDate: "2024-01-02T03:04:05.000Z",
    LastModifiedDate: "2024-02-02T03:04:05.000Z",
    ...patch,
  };
}

export const without = (data: Record<string, unknown>, ...keys: string[]) =>
  Object.fromEntries(Object.entries(data).filter(([key]) => !keys.includes(key)));

export const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/** A MongoDB accounts document carrying every path the bundled mapping reads. */
export function mongoAccount(n: number, patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    _id: `a${n}`,
    name: `Acme ${n}`,
    industry: "Energy",
    annualRevenue: 1000 * n,
    employees: 10,
    website: "https://acme.example",
    phone: "+33 1",
    address: { city: "Paris", country: "France" },
    owner: { name: "Ana", userId: "u1" },
    createdAt: "2024-01-01T00:00:00Z",
    updatedAt: "2024-01-02T00:00:00Z",
    ...patch,
  };
}

/** A CSV row (all text) carrying every column the bundled filesource accounts mapping reads. */
export function csvAccount(n: number): Record<string, unknown> {
  return {
    "Account No": `A${n}`,
    "Company Name": `Acme ${n}`,
    Sector: "energy",
    "Annual Revenue (EUR)": "1.200,50",
    Employees: "12",
    Web: "acme.example",
    Tel: "+49 221",
    City: "Köln",
    Country: "DE",
    "Account Manager": "Jo",
    Notes: "",
    Created: "01/02/2024",
    "Last Modified": "01/02/2024 10:00",
  };
}
