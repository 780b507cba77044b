/**
 * Supabase failures in the connectors' shared vocabulary (source-state.ts). PostgREST answers errors as
 * `{code, details, hint, message}` (code: a PostgreSQL SQLSTATE or PostgREST's own PGRSTnnn); the gateway in front
 * answers bad keys and rate limits as `{message, hint}`. The code decides where it is specific, the HTTP status
 * otherwise. A bad request or a conflict is no source failure: those keep the platform's own kinds.
 */
import { z } from "@hono/zod-openapi";
import { ProblemError } from "../../../gateway/problem";
import { type SourceFailure, sourceProblem } from "../source-state";

export const PostgrestErrorSchema = z.object({
  code: z.string().optional(),
  message: z.string().optional(),
  details: z.string().nullable().optional(),
  hint: z.string().nullable().optional(),
});
export type PostgrestError = z.infer<typeof PostgrestErrorSchema>;

export type SupabaseState = SourceFailure | "invalid-request" | "conflict";

/** A table, column or function the request named is gone: the source's schema moved under the mapping. */
const DRIFT_CODES = new Set(["42P01", "42703", "42883", "PGRST200", "PGRST202", "PGRST204", "PGRST205"]);

export function stateOf(status: number, code: string | undefined): SupabaseState {
  // 42501 insufficient privilege: PostgREST answers it 401 to the anon role, 403 to the others
  if (status === 403 || code === "42501") return "missing-permission";
  // PGRST30x: JWT missing, invalid or expired
  if (status === 401 || code?.startsWith("PGRST30") === true) return "bad-credentials";
  // 53xxx: insufficient resources (connections, memory, disk)
  if (status === 429 || code?.startsWith("53") === true) return "quota-reached";
  if (code !== undefined && DRIFT_CODES.has(code)) return "schema-drift";
  if (status === 404) return "schema-drift";
  if (status === 409) return "conflict";
  // PGRST000-002 and 08xxx: PostgREST cannot reach its database
  if (status >= 500 || code?.startsWith("08") === true) return "unreachable";
  return "invalid-request";
}

/** Retry-After as seconds from `now`: delta-seconds or an HTTP date (RFC 9110 §10.2.3); undefined when absent or unreadable. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

/** The problem for an error response; the body is whatever came back, parsed leniently. */
export function supabaseProblem(status: number, body: unknown, retryAfter: string | null): ProblemError {
  const parsed = PostgrestErrorSchema.safeParse(body);
  const error: PostgrestError = parsed.success ? parsed.data : {};
  const state = stateOf(status, error.code);
  const what = error.message ?? `HTTP ${status}`;
  const code = error.code === undefined ? "" : ` (${error.code})`;
  const hint = error.hint === undefined || error.hint === null ? "" : `; hint: ${error.hint}`;
  const detail = `Supabase ${state}: ${what}${code}${hint}`;
  if (state === "invalid-request") return new ProblemError("validation-error", detail);
  if (state === "conflict") return new ProblemError("conflict", detail);
  return sourceProblem(state, detail, retryAfterSeconds(retryAfter));
}

export function unreachableProblem(error: unknown): ProblemError {
  const reason = error instanceof Error ? error.message : String(error);
  return sourceProblem("unreachable", `Supabase unreachable: ${reason}`);
}
