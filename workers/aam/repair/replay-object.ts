/**
 * After a mapping changes, the open quarantine it covers goes through the new registry: every (connection, source
 * object) whose records that mapping reads (the object itself, or files its patterns match), REPLAY_LIMIT rows per
 * call, until nothing is left or a call replays nothing more (the rest still fails and would only come round again).
 */
import { and, eq } from "drizzle-orm";
import type { Env } from "../../env";
import type { SourceSystem } from "../../canonical/names";
import { ProblemError } from "../../gateway/problem";
import { type TenantScope, schema } from "../../platform/db";
import { pickMapping } from "../pipeline/pick-mapping";
import { REPLAY_LIMIT, replayQuarantine } from "../pipeline/replay";
import { tenantMappings } from "../pipeline/tenant-mappings";

const { quarantine } = schema;

export interface ObjectReplay {
  run_ids: string[];
  replayed: number;
  still_failing: number;
}

export async function replayObject(env: Env, scope: TenantScope, system: SourceSystem, object: string, traceId: string): Promise<ObjectReplay> {
  const registry = await tenantMappings(scope);
  const holding = await scope.db
    .selectDistinct({ id: quarantine.connectionId, object: quarantine.object, entity: quarantine.entity })
    .from(quarantine)
    .where(scope.where(quarantine, and(eq(quarantine.system, system), eq(quarantine.status, "open"))));
  const covered = holding.filter((h) => {
    const mapping = pickMapping(registry, { system, object: h.object, entity: h.entity ?? undefined });
    return typeof mapping !== "string" && mapping.object === object;
  });
  const total: ObjectReplay = { run_ids: [], replayed: 0, still_failing: 0 };
  for (const source of new Map(covered.map((c) => [`${c.id}\u0000${c.object}`, c])).values()) {
    // the rows still failing are the ones the next call picks first: only the connection's last count stands
    let failing = 0;
    for (;;) {
      const result = await replayOnce(env, scope, registry, { connection_id: source.id, object: source.object }, traceId);
      if (result === undefined) break;
      total.run_ids.push(result.run_id);
      total.replayed += result.replayed;
      failing = result.still_failing;
      if (result.replayed === 0 || result.replayed + result.still_failing < REPLAY_LIMIT) break;
    }
    total.still_failing += failing;
  }
  return total;
}

/** One replay call; undefined when no open record is left. */
async function replayOnce(...args: Parameters<typeof replayQuarantine>) {
  try {
    return await replayQuarantine(...args);
  } catch (err) {
    if (err instanceof ProblemError && err.kind === "not-found") return undefined;
    throw err;
  }
}
