/** A problem in a mapping document as the editor lists it, from validation's verdict or a failed save's problem. */
import { ApiError } from "$lib/api/problem";
import type { MappingValidation } from "./types";

export interface DocumentIssue {
  /** 1-based; null when the problem has no place in the document */
  line: number | null;
  column: number | null;
  path: string;
  message: string;
}

type Invalid = Extract<MappingValidation, { valid: false }>;

const place = (n: number | undefined): number | null => (n === undefined || n < 1 ? null : n);

export function validationIssues(verdict: Invalid): DocumentIssue[] {
  return verdict.errors.map(({ line, column, path, message }) => ({ line: place(line), column: place(column), path, message }));
}

/** The per-line issues of a failed save (422 carries them in `errors`); none for other failures. */
export function saveIssues(error: unknown): DocumentIssue[] {
  if (!(error instanceof ApiError)) return [];
  return (error.problem.errors ?? []).map(({ line, column, path, message }) => ({
    line: place(line),
    column: place(column),
    path: path.replace(/^body\./, ""),
    message,
  }));
}

export function describeIssue(issue: DocumentIssue): string {
  const where = issue.line === null ? "" : `Line ${issue.line}${issue.column === null ? "" : `, column ${issue.column}`}: `;
  return `${where}${issue.path === "" ? "" : `${issue.path}: `}${issue.message}`;
}
