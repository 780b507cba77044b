/**
 * A new override version from a submitted document. It must load (else 422 with every issue's line), map the
 * (system, object) it is submitted for (422), and carry a `version:` above the one in effect (409): two editors who
 * start from the same version cannot silently overwrite each other, since the second one's version is taken by then.
 */
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { SourceSystem } from "../../canonical/names";
import { type FieldIssue, ProblemError } from "../../gateway/problem";
import { isUniqueViolation, type TenantScope } from "../../platform/db";
import type { MappingVersionRow } from "../../platform/db/schema";
import { MappingFormatError, type MappingIssue } from "./errors";
import { appendOverride, MAPPING_VERSION_KEY } from "./overrides";
import { entryVersion, mappingVersionAt } from "./overrides-history";
import { compileSource, type RegisteredMapping } from "./registry";

/** How a document sent in a request body is named in its issues. */
export const SUBMITTED_FILE = "body.source";

export interface Submission {
  system: SourceSystem;
  object: string;
  source: string;
  comment?: string | undefined;
  /** the submitting user or API key */
  author: string;
}

/** Loads and compiles a submitted document; a bad one yields its issues. */
export async function compileSubmitted(text: string): Promise<RegisteredMapping | MappingIssue[]> {
  try {
    return await compileSource({ file: SUBMITTED_FILE, text });
  } catch (err) {
    if (err instanceof MappingFormatError) return err.issues;
    throw err;
  }
}

export async function submitOverride(scope: TenantScope, submission: Submission): Promise<MappingVersionRow> {
  const { system, object, source } = submission;
  const compiled = await compileSubmitted(source);
  if (Array.isArray(compiled)) throw invalidMapping(`The document has ${compiled.length} problem(s)`, compiled);
  const mismatched = (["system", "object"] as const).filter((key) => compiled[key] !== submission[key]);
  if (mismatched.length > 0) {
    throw invalidMapping(
      `The document maps ${compiled.system}/${compiled.object}, but was submitted for ${system}/${object}`,
      mismatched.map((key) => ({ file: SUBMITTED_FILE, ...valuePosition(source, key), path: key, message: `must be ${submission[key]}, as in the URL` })),
    );
  }
  const current = await mappingVersionAt(scope, system, object, "current");
  if (current !== undefined && compiled.version <= entryVersion(current)) {
    const origin = current.origin === "tenant" ? `tenant version ${current.row.version}` : `the system default (version ${current.mapping.version})`;
    throw new ProblemError(
      "conflict",
      `${system}/${object} is at ${origin}; the document's version ${compiled.version} must be higher (load the current version, edit it and bump its version)`,
    );
  }
  try {
    return await appendOverride(scope, {
      system,
      object,
      version: compiled.version,
      entity: compiled.entity,
      source,
      contentHash: compiled.content_hash,
      mappingVersion: compiled.mapping_version,
      author: submission.author,
      comment: submission.comment ?? null,
    });
  } catch (err) {
    // Another editor's version won the race between the check above and this insert.
    if (isUniqueViolation(err, MAPPING_VERSION_KEY)) throw new ProblemError("conflict", `${system}/${object} version ${compiled.version} was just created by another request`);
    throw err;
  }
}

export function invalidMapping(detail: string, issues: MappingIssue[]): ProblemError {
  const errors: FieldIssue[] = issues.map((issue) => ({ ...issue, code: "invalid_mapping" }));
  return new ProblemError("invalid-mapping", detail, { errors });
}

/** Where a top-level key's value is written (the document loaded, so it is a map with that key). */
function valuePosition(text: string, key: string): { line: number; column: number } {
  const lines = new LineCounter();
  const yaml = parseDocument(text, { lineCounter: lines });
  const pair = isMap(yaml.contents) ? yaml.contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
  const offset = isScalar(pair?.value) ? pair.value.range?.[0] : undefined;
  if (offset === undefined) return { line: 0, column: 0 };
  const pos = lines.linePos(offset);
  return { line: pos.line, column: pos.col };
}
