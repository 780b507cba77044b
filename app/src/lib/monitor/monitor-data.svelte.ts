/**
 * Everything the monitor shows, loaded once per visit, and how it stays current: the runs are polled every ~2 s
 * while any is queued or running, and whenever a run finishes the lists a run changes (connections, drift,
 * repairs, quarantine) are fetched again.
 */
import { api } from "$lib/api/client";
import { resource } from "$lib/api/resource.svelte";
import { anyActive, isActive } from "./runs";
import type { AamSettings, ConnectionPage, DriftPage, QuarantinePage, RepairPage, RunPage } from "./types";

/** The API's page size limit: the monitor shows (and computes its metrics from) at most this many of each. */
export const LIST_LIMIT = 200;
const POLL_MS = 2000;

export function monitorData() {
  const connections = resource(() => api<ConnectionPage>(`/api/v1/aam/connections?limit=${LIST_LIMIT}`));
  const runs = resource(() => api<RunPage>("/api/v1/aam/runs?limit=50"));
  const drift = resource(() => api<DriftPage>(`/api/v1/aam/drift?limit=${LIST_LIMIT}`));
  const repairs = resource(() => api<RepairPage>(`/api/v1/aam/repairs?limit=${LIST_LIMIT}`));
  const quarantine = resource(() => api<QuarantinePage>(`/api/v1/aam/quarantine?status=open&limit=${LIST_LIMIT}`));
  const settings = resource(() => api<AamSettings>("/api/v1/aam/settings"));

  /** What a finished run may have changed. */
  const refreshOutcomes = () => Promise.all([connections.reload(), drift.reload(), repairs.reload(), quarantine.reload()]).then(() => undefined);
  const refreshAll = () => Promise.all([runs.reload(), refreshOutcomes()]).then(() => undefined);

  // the finished runs seen last time: a new one (even one that finished before a poll saw it run) means new outcomes
  let finishedSeen: string | undefined;
  $effect(() => {
    const page = runs.data;
    if (page === undefined) return;
    const finished = page.items.filter((run) => !isActive(run)).map((run) => run.id).join(",");
    if (finishedSeen !== undefined && finished !== finishedSeen) void refreshOutcomes();
    finishedSeen = finished;
    if (!anyActive(page.items)) return;
    const timer = setTimeout(() => void runs.reload(), POLL_MS);
    return () => clearTimeout(timer);
  });

  return { connections, runs, drift, repairs, quarantine, settings, refreshAll, refreshOutcomes };
}
export type MonitorData = ReturnType<typeof monitorData>;
