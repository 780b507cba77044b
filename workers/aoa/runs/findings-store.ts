/**
 * aoa_findings rows, always through the tenant's scope. Storing a run's findings deduplicates by fingerprint:
 * a finding already open (or dismissed) is the same finding seen again and is updated in place (run, metrics,
 * last_seen_at; a dismissed one stays dismissed); the agent's open findings the run did not produce are resolved.
 * All of it is one D1 batch, so a run's findings are never half stored.
 */
import { desc, eq, inArray } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { ProblemError } from "../../gateway/problem";
import type { TenantScope } from "../../platform/db";
import { aoaFindings, type AoaFindingRow } from "../../platform/db/aoa-runs-schema";
import { newId } from "../../platform/ids";
import { olderThan, type PagePosition } from "../../aam/pipeline/page-cursor";
import type { AgentName } from "./agent-name";
import type { FindingDraft, FindingStatus } from "./finding";

export interface StoredFindings {
  /** the distinct findings stored (drafts repeating a fingerprint count once) */
  stored: number;
  new: number;
  resolved: number;
}

/** The first draft per fingerprint: a pilot naming the same finding twice in one run means one finding. */
function distinct(drafts: FindingDraft[]): FindingDraft[] {
  const seen = new Map<string, FindingDraft>();
  for (const draft of drafts) if (!seen.has(draft.fingerprint)) seen.set(draft.fingerprint, draft);
  return [...seen.values()];
}

export async function storeFindings(scope: TenantScope, run: { agent: AgentName; id: string }, drafts: FindingDraft[], now: Date): Promise<StoredFindings> {
  const at = now.toISOString();
  const current = await scope.select(aoaFindings, eq(aoaFindings.agent, run.agent), inArray(aoaFindings.status, ["open", "dismissed"]));
  const byFingerprint = new Map(current.map((row) => [row.fingerprint, row]));
  const findings = distinct(drafts);
  const rows = findings.map((draft): Omit<AoaFindingRow, "tenantId"> => {
    const existing = byFingerprint.get(draft.fingerprint);
    return {
      id: existing?.id ?? newId("fnd"),
      agent: run.agent,
      runId: run.id,
      kind: draft.kind,
      severity: draft.severity,
      subject: draft.subject,
      title: draft.title,
      explanation: draft.explanation,
      metrics: draft.metrics,
      fingerprint: draft.fingerprint,
      status: existing?.status ?? "open",
      firstSeenAt: existing?.firstSeenAt ?? at,
      lastSeenAt: at,
      createdAt: existing?.createdAt ?? at,
    };
  });
  const produced = new Set(findings.map((f) => f.fingerprint));
  const resolved = current.filter((row) => row.status === "open" && !produced.has(row.fingerprint)).map((row) => ({ id: row.id, status: "resolved" as const }));
  await scope.sets.run([...scope.sets.update(aoaFindings, ["id"], ["status"], resolved), ...scope.sets.upsert(aoaFindings, rows)]);
  return { stored: rows.length, new: rows.length - findings.filter((f) => byFingerprint.has(f.fingerprint)).length, resolved: resolved.length };
}

export interface FindingFilter {
  agent?: AgentName | undefined;
  kind?: string | undefined;
  severity?: FindingDraft["severity"] | undefined;
  status?: FindingStatus | undefined;
  run_id?: string | undefined;
}

export function listFindings(scope: TenantScope, filter: FindingFilter, page: { limit: number; before?: PagePosition | undefined }): Promise<AoaFindingRow[]> {
  const is = (column: SQLiteColumn, value: string | undefined) => (value === undefined ? undefined : eq(column, value));
  return scope.db
    .select()
    .from(aoaFindings)
    .where(
      scope.where(
        aoaFindings,
        is(aoaFindings.agent, filter.agent),
        is(aoaFindings.kind, filter.kind),
        is(aoaFindings.severity, filter.severity),
        is(aoaFindings.status, filter.status),
        is(aoaFindings.runId, filter.run_id),
        olderThan(aoaFindings, page.before),
      ),
    )
    .orderBy(desc(aoaFindings.createdAt), desc(aoaFindings.id))
    .limit(page.limit);
}

/** The tenant's finding, or 404 (another tenant's finding is not found either). */
export async function requireFinding(scope: TenantScope, id: string): Promise<AoaFindingRow> {
  const [row] = await scope.select(aoaFindings, eq(aoaFindings.id, id));
  if (row === undefined) throw new ProblemError("not-found", `No finding ${id}`);
  return row;
}

/** Sets an open finding aside; 409 unless it is open (a resolved finding is history, a dismissed one already is). */
export async function dismissFinding(scope: TenantScope, id: string): Promise<AoaFindingRow> {
  const finding = await requireFinding(scope, id);
  const changed = await scope.update(aoaFindings, { status: "dismissed" }, eq(aoaFindings.id, id), eq(aoaFindings.status, "open"));
  if (changed !== 1) throw new ProblemError("conflict", `Finding ${id} is ${finding.status}, not open`);
  return requireFinding(scope, id);
}
