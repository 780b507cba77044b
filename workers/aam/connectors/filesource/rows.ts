/** What the file parsers yield, in file order: the CSV header, records and rejects, each with where it ends. */
import type { RejectedRow } from "../connector";

/** Where a row ends: the cursor resumes from here. */
export interface RowEnd {
  /** absolute byte offset just after the row (and its line break) */
  end: number;
  /** lines consumed up to and including the row */
  endLine: number;
}

export interface HeaderField {
  /** unique, non-empty key used in every record's data */
  name: string;
  /** the header cell as written */
  label: string;
}

export type ParsedRow =
  | ({ kind: "header"; fields: HeaderField[]; delimiter: string } & RowEnd)
  | ({ kind: "record"; line: number; data: Record<string, unknown> } & RowEnd)
  | ({ kind: "reject" } & RejectedRow & RowEnd);

/** Where parsing starts: 0/0 for a fresh read, or a cursor's position. */
export interface ParseStart {
  offset: number;
  line: number;
}

/** Rejects keep enough of the row to diagnose it without letting one huge row bloat the quarantine. */
const MAX_REJECT_RAW_CHARS = 2000;
/** A single record or line longer than this is rejected rather than buffered. */
export const MAX_RECORD_BYTES = 1 << 20;

export function truncateRaw(raw: string): string {
  return raw.length <= MAX_REJECT_RAW_CHARS ? raw : `${raw.slice(0, MAX_REJECT_RAW_CHARS)}…`;
}
