/** The RevOps pilot: scores open deals, forecasts revenue with a backtest, and reports pipeline health. */
import type { Pilot } from "../runs/pilot";
import { loadRevOpsInput } from "./load";
import { runRevOps } from "./pilot";

export const revopsPilot: Pilot = {
  name: "revops",
  title: "RevOps",
  description:
    "Scores every open deal with the factors behind it (stage win rates learned from your closed deals, age in stage, close-date slips, amount, contacts, staleness), forecasts revenue by month with a backtest of its error, and reports pipeline health.",
  run: async ({ env, scope, now }) => runRevOps(await loadRevOpsInput(env, scope), now),
};
