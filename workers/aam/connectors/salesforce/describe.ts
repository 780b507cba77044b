/**
 * An object's fields from /sobjects/{Object}/describe, the parts discovery and mapping use (name, label, type,
 * nillable, custom, picklist values, referenceTo). A describe is large and rarely changes, so the last one is
 * cached with its Last-Modified and revalidated by If-Modified-Since: a 304 costs a call but no body.
 */
import { z } from "@hono/zod-openapi";
import { SalesforceError } from "./errors";
import type { SalesforceSession } from "./session";
import { assertIdentifier } from "./soql";

export const DescribeFieldSchema = z.object({
  name: z.string(),
  label: z.string(),
  type: z.string(),
  nillable: z.boolean(),
  custom: z.boolean(),
  picklistValues: z.array(z.object({ value: z.string(), label: z.string().nullable(), active: z.boolean() })).default([]),
  referenceTo: z.array(z.string()).default([]),
});
export const DescribeSchema = z.object({
  name: z.string(),
  label: z.string(),
  custom: z.boolean(),
  fields: z.array(DescribeFieldSchema),
});
export type SObjectDescribe = z.infer<typeof DescribeSchema>;

export const CachedDescribeSchema = z.object({ last_modified: z.string(), describe: DescribeSchema });
export type CachedDescribe = z.infer<typeof CachedDescribeSchema>;

/** Where describes are kept between invocations (KV for a connection, a Map in a test). */
export interface DescribeCache {
  get(object: string): Promise<CachedDescribe | undefined>;
  put(object: string, entry: CachedDescribe): Promise<void>;
}

export function memoryDescribeCache(): DescribeCache {
  const entries = new Map<string, CachedDescribe>();
  return {
    get: async (object) => entries.get(object),
    put: async (object, entry) => void entries.set(object, entry),
  };
}

export async function describeObject(session: SalesforceSession, object: string, cache: DescribeCache): Promise<SObjectDescribe> {
  const cached = await cache.get(object);
  const headers: Record<string, string> = cached === undefined ? {} : { "If-Modified-Since": cached.last_modified };
  const response = await session.request(`sobjects/${assertIdentifier(object, "object")}/describe`, { headers });
  if (response.status === 304) {
    if (cached === undefined) throw new SalesforceError("unreachable", "UNEXPECTED_304", "Salesforce answered 304 to an unconditional describe", 304);
    return cached.describe;
  }
  const describe = DescribeSchema.parse(await response.json());
  const lastModified = response.headers.get("Last-Modified") ?? response.headers.get("Date");
  if (lastModified !== null) await cache.put(object, { last_modified: lastModified, describe });
  return describe;
}
