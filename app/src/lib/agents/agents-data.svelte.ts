/**
 * Everything the Agents page shows, loaded once per visit, and how it stays current: sections reload after the
 * page's own actions, and on /live-flow `agent` and `action` events (a run started elsewhere, the scheduler, an
 * approval in another tab), coalesced so a burst of events costs one re-fetch per section.
 */
import { onMount } from "svelte";
import { api, query } from "$lib/api/client";
import { resource } from "$lib/api/resource.svelte";
import { coalesce } from "$lib/graph/coalesce";
import { LiveFeed } from "$lib/live/feed.svelte";
import { mergeActions } from "./actions";
import { DEFAULT_FILTER, type FindingFilter } from "./findings";
import { type Section, sectionsFor } from "./live";
import type { ActionPage, ActionPolicies, AgentList, AgentName, AgentRun, AlertPage, FindingPage, RunPage } from "./types";

/** The API's page size limit: every held action is listed (up to this many), and this many findings. */
const LIST_LIMIT = 200;
const RECENT_ACTIONS = 50;
const COALESCE_MS = 500;

/** Runs looked through for the newest that succeeded (a failed run has no outputs). */
const RUNS_SCANNED = 20;

/** The agent's newest succeeded run with its outputs (what the charts show); null when none of its latest runs succeeded. */
async function latestOutputs(agent: AgentName): Promise<AgentRun | null> {
  const page = await api<RunPage>(`/api/v1/aoa/runs${query({ agent, limit: RUNS_SCANNED })}`);
  const last = page.items.find((run) => run.status === "succeeded");
  return last === undefined ? null : api<AgentRun>(`/api/v1/aoa/runs/${encodeURIComponent(last.id)}`);
}

export function agentsData() {
  const agents = resource(() => api<AgentList>("/api/v1/aoa/agents"));
  const revops = resource(() => latestOutputs("revops"));
  const finops = resource(() => latestOutputs("finops"));
  let filter = $state<FindingFilter>(DEFAULT_FILTER);
  const findings = resource(() => api<FindingPage>(`/api/v1/aoa/findings${query({ ...filter, limit: LIST_LIMIT })}`));
  const actions = resource(async () => {
    const [pending, recent] = await Promise.all([
      api<ActionPage>(`/api/v1/aoa/actions${query({ status: "pending_approval", limit: LIST_LIMIT })}`),
      api<ActionPage>(`/api/v1/aoa/actions${query({ limit: RECENT_ACTIONS })}`),
    ]);
    return mergeActions(pending.items, recent.items);
  });
  const policies = resource(() => api<ActionPolicies>("/api/v1/aoa/policies"));
  const alerts = resource(() => api<AlertPage>(`/api/v1/aoa/alerts${query({ limit: RECENT_ACTIONS })}`));

  const reloaders: Record<Section, () => Promise<void>> = {
    agents: agents.reload,
    revops: revops.reload,
    finops: finops.reload,
    findings: findings.reload,
    actions: actions.reload,
    alerts: alerts.reload,
  };
  const stale = new Set<Section>();
  const flush = coalesce(() => {
    for (const section of stale) void reloaders[section]();
    stale.clear();
  }, COALESCE_MS);
  /** Marks sections stale; they reload together shortly after. */
  function request(...sections: Section[]) {
    for (const section of sections) stale.add(section);
    if (stale.size > 0) flush.request();
  }
  const everything = Object.keys(reloaders) as Section[];

  const feed = new LiveFeed({
    channel: "live-flow",
    onMessage: (message) => {
      if (message.type === "flow") request(...sectionsFor(message));
    },
    onGap: () => request(...everything),
  });
  onMount(() => {
    feed.start();
    return () => {
      feed.close();
      flush.cancel();
    };
  });
  // events published while the socket was down cannot all be replayed: re-read once it is back
  let wasDown = false;
  $effect(() => {
    if (feed.status === "reconnecting") wasDown = true;
    else if (feed.status === "open" && wasDown) {
      wasDown = false;
      request(...everything);
    }
  });

  return {
    agents,
    revops,
    finops,
    findings,
    actions,
    policies,
    alerts,
    feed,
    request,
    get filter() {
      return filter;
    },
    setFilter(change: Partial<FindingFilter>) {
      filter = { ...filter, ...change };
      void findings.reload();
    },
  };
}
export type AgentsData = ReturnType<typeof agentsData>;
