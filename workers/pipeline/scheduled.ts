/** The cron entry: each registered job runs on every tick (connector sync scheduling and the agents register here). */
import type { Env } from "../env";
import { createLogger, errorFields, logLevel } from "../platform/log";
import { scheduleDueSyncs } from "../aam/pipeline/cron";
import { runDueAgents } from "../aoa/runs/cron";

export type CronJob = (env: Env, now: Date) => Promise<void>;

export const cronJobs: Record<string, CronJob> = {
  "connector-sync": scheduleDueSyncs,
  agents: (env, now) => runDueAgents(env, now),
};

export async function runScheduled(controller: ScheduledController, env: Env): Promise<void> {
  const now = new Date(controller.scheduledTime);
  const log = createLogger({ cron: controller.cron }, logLevel(env.LOG_LEVEL));
  log.info("cron tick", { jobs: Object.keys(cronJobs) });
  const runs = Object.entries(cronJobs).map(async ([name, job]) => {
    try {
      await job(env, now);
    } catch (err) {
      log.error("cron job failed", { job: name, ...errorFields(err) });
    }
  });
  await Promise.all(runs);
}
