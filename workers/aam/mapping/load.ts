/**
 * YAML text → validated MappingDocument, or a MappingFormatError that names the file, the LINE and column, the
 * path inside the document and the reason, for every problem at once (YAML syntax first; if the YAML parses, every
 * schema issue). Zod reports issues by path; the `yaml` library's node ranges and a LineCounter map them back.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { z } from "@hono/zod-openapi";
import { MappingFormatError, type MappingIssue } from "./errors";
import { AT_KEY, type MappingDocument, MappingDocumentSchema } from "./format";

export interface MappingSource {
  /** where the text came from, for messages (a bundled file's path, or e.g. `tenant override v7`) */
  file: string;
  text: string;
}

export interface LoadedMapping {
  document: MappingDocument;
  /** the document's data as plain JSON (comments and layout removed): what its content hash is taken over */
  data: unknown;
}

export function loadMapping({ file, text }: MappingSource): LoadedMapping {
  const lines = new LineCounter();
  const yaml = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  if (yaml.errors.length > 0) {
    throw new MappingFormatError(yaml.errors.map((e) => ({ file, ...at(e.pos[0]), path: "", message: e.message.split("\n")[0]! })));
  }
  const data: unknown = yaml.toJS({ maxAliasCount: 50 });
  const parsed = MappingDocumentSchema.safeParse(data);
  if (parsed.success) return { document: parsed.data, data };
  const issues: MappingIssue[] = parsed.error.issues.map((issue) => {
    const node = locate(yaml, issue);
    const missing = issue.path.length > 0 && !yaml.hasIn(issue.path) && issue.code !== "custom";
    return {
      file,
      ...(node?.range === undefined || node.range === null ? { line: 1, column: 1 } : at(node.range[0])),
      path: formatIssuePath(issue.path),
      message: missing ? `required (${issue.message})` : issue.message,
    };
  });
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  throw new MappingFormatError(issues);
}

/** The node an issue is about: its key for unknown/forbidden keys, else the deepest node on its path that exists. */
function locate(yaml: Document, issue: z.core.$ZodIssue): Node | undefined {
  const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
  const unknownKey = issue.code === "unrecognized_keys" ? issue.keys[0] : undefined;
  const atKey = issue.code === "custom" && issue.params?.[AT_KEY] === true;
  if (unknownKey !== undefined || atKey) {
    const parentPath = unknownKey !== undefined ? path : path.slice(0, -1);
    const key = unknownKey ?? path[path.length - 1];
    const parent = yaml.getIn(parentPath, true);
    if (isMap(parent)) {
      const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (pair !== undefined && isScalar(pair.key)) return pair.key;
    }
  }
  for (let depth = path.length; depth >= 0; depth -= 1) {
    const node = depth === 0 ? yaml.contents : yaml.getIn(path.slice(0, depth), true);
    if (node !== undefined && node !== null && typeof node === "object" && "range" in node) return node as Node;
  }
  return undefined;
}

function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.map((p, n) => (typeof p === "number" ? `[${p}]` : `${n === 0 ? "" : "."}${String(p)}`)).join("");
}
