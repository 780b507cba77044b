/**
 * How the schema observer writes a field's path: in the mapping's path syntax (mapping/path.ts), so an observed
 * path can be pasted into a mapping and compared with a mapping's paths as text. Keys are joined with dots; a key
 * the dotted form cannot carry (dots, brackets, surrounding spaces) is quoted: `["No. of Employees"]`.
 */
import type { SourcePath } from "../mapping/path";

const NEEDS_QUOTES = /[.[\]]|^\s|\s$|^$/;

export function formatKeyPath(keys: readonly string[]): string {
  return keys.map((key, i) => (NEEDS_QUOTES.test(key) ? `["${key}"]` : i === 0 ? key : `.${key}`)).join("");
}

/** The observed path a mapping path reads from: its keys up to the first index or [*] (arrays are observed whole). */
export function observedPathOf(path: SourcePath): string {
  const keys: string[] = [];
  for (const segment of path) {
    if (!("key" in segment)) break;
    keys.push(segment.key);
  }
  return formatKeyPath(keys);
}

/** Whether `path` is `ancestor` itself or lies inside it. */
export function isWithin(path: string, ancestor: string): boolean {
  return path === ancestor || path.startsWith(`${ancestor}.`) || path.startsWith(`${ancestor}[`);
}

/**
 * A discovered field's name as an observed path. Document stores name nested fields with dots (`address.city`),
 * other sources name columns that may contain dots (`No. of Employees`): a name the shape already knows as one
 * quoted key is that key, a dotted name otherwise is nested.
 */
export function discoveredPath(name: string, known: ReadonlySet<string>): string {
  const asKey = formatKeyPath([name]);
  return known.has(asKey) || !name.includes(".") ? asKey : name;
}
