/**
 * Values written the way the bundled mappings write them: one line per field, flow maps padded (`{ from: X }`),
 * flow sequences not (`[trim, lower]`), strings plain unless YAML would read them otherwise in a flow collection.
 */
import { parse } from "yaml";

export function flowText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flowText).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    return `{ ${Object.entries(value).map(([key, v]) => `${scalarText(key)}: ${flowText(v)}`).join(", ")} }`;
  }
  return scalarText(value);
}

function scalarText(value: unknown): string {
  if (typeof value !== "string") return JSON.stringify(value ?? null);
  return readsBackAs(value) ? value : JSON.stringify(value); // a JSON string is a double-quoted YAML scalar
}

/** Whether the text, written plain inside a flow sequence, is read back as that very string. */
function readsBackAs(text: string): boolean {
  if (text !== text.trim() || text === "") return false;
  try {
    const back: unknown = parse(`[${text}]`);
    return Array.isArray(back) && back.length === 1 && back[0] === text;
  } catch {
    return false;
  }
}
