import { createScheduledController, env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import worker from "../../workers/index";
import { cronJobs } from "../../workers/pipeline/scheduled";

describe("scheduled entry point", () => {
  afterEach(() => {
    for (const name of Object.keys(cronJobs)) delete cronJobs[name];
    vi.restoreAllMocks();
  });

  it("runs every registered job with the tick's scheduled time, and one failing job does not stop the others", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const ran: [string, string][] = [];
    cronJobs.failing = async () => {
      throw new Error("source unreachable");
    };
    cronJobs.sync = async (_env, now) => void ran.push(["sync", now.toISOString()]);
    const controller = createScheduledController({ scheduledTime: new Date("2026-11-26T10:05:00Z"), cron: "*/5 * * * *" });
    await worker.scheduled(controller, env);
    expect(ran).toEqual([["sync", "2026-11-26T10:05:00.000Z"]]);
  });

  it("logs a failing job with its name instead of throwing out of the handler", async () => {
    const errors: string[] = [];
    vi.spyOn(console, "error").mockImplementation((line: string) => void errors.push(line));
    cronJobs.broken = async () => {
      throw new Error("boom");
    };
    const controller = createScheduledController({ scheduledTime: Date.now(), cron: "*/5 * * * *" });
    await expect(worker.scheduled(controller, env)).resolves.toBeUndefined();
    expect(errors.map((l) => JSON.parse(l) as Record<string, unknown>)).toContainEqual(
      expect.objectContaining({ msg: "cron job failed", job: "broken", error: "boom" }),
    );
  });
});
