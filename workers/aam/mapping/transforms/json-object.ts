/**
 * A JSON object written in one cell (FOCUS `Tags`, a CSV column holding `{"env":"prod"}`) → that object; an object
 * already (NDJSON, MongoDB) passes as is. Empty or blank text is null, like the other parsers; anything but an
 * object (an array, a number, broken JSON) is an error, never a guess. `values: text` makes every value text, for
 * targets that are string maps: numbers and booleans as written, null as "" (a key without a value); a nested
 * object or array is an error there.
 */
import { z } from "@hono/zod-openapi";
import { describe, ValueError } from "../errors";
import { defineTransform } from "./define";

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function parseObject(value: unknown): Record<string, unknown> | null {
  if (isObject(value)) return value;
  if (typeof value !== "string") throw new ValueError(`json_object expects text or an object, got ${describe(value)}`);
  if (value.trim() === "") return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new ValueError(`not JSON: ${describe(value)}`);
  }
  if (!isObject(parsed)) throw new ValueError(`not a JSON object: ${describe(value)}`);
  return parsed;
}

function asText(key: string, value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  throw new ValueError(`json_object: the value of "${key}" is ${describe(value)}, not text`);
}

export const jsonObject = defineTransform({
  options: z.object({ values: z.enum(["any", "text"]).default("any") }).strict(),
  build: (options) => (value) => {
    const object = parseObject(value);
    if (object === null || options.values === "any") return object;
    // fromEntries defines own properties, so a "__proto__" key stays data
    return Object.fromEntries(Object.entries(object).map(([key, v]) => [key, asText(key, v)]));
  },
});
