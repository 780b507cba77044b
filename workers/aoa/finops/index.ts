/** The FinOps pilot: cost anomalies per service and sub-account, alerts to their owners, tags on their accounts. */
import type { Pilot } from "../runs/pilot";
import { loadFinOpsInput } from "./load";
import { runFinOps } from "./pilot";

export const finopsPilot: Pilot = {
  name: "finops",
  title: "FinOps",
  description:
    "Finds cost anomalies per provider, service and sub-account against a weekly-seasonal robust baseline, alerts their owners and tags their sub-accounts.",
  async run({ env, scope, now }) {
    return runFinOps(await loadFinOpsInput(env, scope, now), now);
  },
};
