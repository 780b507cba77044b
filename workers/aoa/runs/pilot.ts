/**
 * The port every agent (pilot) implements: read the tenant's unified data, return findings, proposed actions, its
 * own outputs and the facts a narrative is written from. Pilots decide; the runner stores, submits and publishes.
 */
import type { Env } from "../../env";
import type { TenantScope } from "../../platform/db";
import type { ActionRequest } from "../actions/types";
import type { AgentName } from "./agent-name";
import type { FindingDraft } from "./finding";

export interface PilotContext {
  env: Env;
  scope: TenantScope;
  /** the run's clock: pilots never read the wall clock, so a run is reproducible */
  now: Date;
  traceId: string;
}

export interface PilotResult {
  findings: FindingDraft[];
  actions: ActionRequest[];
  /** the pilot's own outputs (forecast, backtest, evaluation…), as its own zod schema describes them */
  outputs: unknown;
  /** named numbers and short texts the narrative is written from (e.g. open_deals: 42, top_risk: "Acme renewal") */
  facts: Record<string, string | number>;
}

export interface Pilot {
  name: AgentName;
  title: string;
  description: string;
  run(ctx: PilotContext): Promise<PilotResult>;
}
