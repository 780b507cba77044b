/**
 * File-name patterns of a mapping document's `files:` list: `*` (any run of characters, also none) and `?` (one
 * character), matched case-insensitively against a file's name (the last segment of its key, so a file dropped
 * into a sub-folder matches too). Patterns are compiled once when the document loads into a matcher that walks
 * the name with one backtrack point (linear in practice, never exponential); no RegExp is built from them.
 */
import { z } from "@hono/zod-openapi";

export interface FilePattern {
  text: string;
  matches(fileName: string): boolean;
}

export const FilePatternSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((text) => !text.includes("/"), { error: "a file pattern matches a file name, so it cannot contain '/'" })
  .transform((text): FilePattern => {
    const pattern = text.toLowerCase();
    return { text, matches: (fileName) => wildcardMatch(pattern, baseName(fileName).toLowerCase()) };
  });

function baseName(key: string): string {
  return key.slice(key.lastIndexOf("/") + 1);
}

/** Greedy wildcard matching: on a mismatch, the last `*` takes one more character and matching resumes after it. */
function wildcardMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1;
  let resume = 0;
  while (n < name.length) {
    if (pattern[p] === "*") {
      star = p;
      resume = n;
      p += 1;
    } else if (p < pattern.length && (pattern[p] === "?" || pattern[p] === name[n])) {
      p += 1;
      n += 1;
    } else if (star !== -1) {
      p = star + 1;
      resume += 1;
      n = resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === "*") p += 1;
  return p === pattern.length;
}
