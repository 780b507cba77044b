// Live Flow: a real upload's received, mapped and materialized events as pills with their object and counts,
// pause buffering a second upload's events until resume, stage and text filters, and an event's trace id.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBrowser, screenshot, signedInPage } from "./helpers/browser";
import { PIPELINE, accountsCsv, createFileConnection, uploadCsv } from "./helpers/pipeline";
import { type Session, registerTenant } from "./helpers/tenant";

let browser: { context: BrowserContext; close: () => Promise<void> };
let session: Session;
beforeAll(async () => {
  browser = await openBrowser();
  session = await registerTenant("Flow E2E Co");
});
afterAll(() => browser.close());

const pill = (page: Page, stage: string, ...texts: string[]): Locator =>
  texts.reduce((l, text) => l.filter({ hasText: text }), page.locator(`[data-testid="flow-pill"][data-stage="${stage}"]`));
const count = async (page: Page, stage: string) => Number(await page.getByTestId(`count-${stage}`).textContent());

test("an upload's events flow in as pills; pause buffers, resume shows; filters hide; details show the trace", async () => {
  const page = await signedInPage(browser.context, session);
  await page.goto("/flow");
  await page.getByTestId("empty").waitFor();
  await expect(page.getByTestId("empty").textContent()).resolves.toContain("Waiting for events");
  await page.locator('[data-testid="live-status"][data-status="open"]').waitFor();

  const connection = await createFileConnection(session, "Legacy CRM");
  const first = await uploadCsv(session, connection.id, "accounts.csv", accountsCsv(["Aurora Shipping", "Basalt Mining", "Cobalt Robotics"]));
  await pill(page, "received", "accounts.csv", "3 records").waitFor(PIPELINE);
  await pill(page, "mapped", "accounts.csv", "3 emitted").waitFor(PIPELINE);
  // materialized events carry the entity; the page ties them to the run by trace id
  await pill(page, "materialized", "account", "← accounts.csv", "3 upserted").waitFor(PIPELINE);
  expect(await count(page, "received")).toBe(1);
  expect(await count(page, "mapped")).toBe(1);
  await expect(page.getByTestId("flow-summary").textContent()).resolves.toMatch(/^Latest: /);
  await screenshot(page, "flow");

  // details: the pill's trace is the upload request's
  await pill(page, "received", "accounts.csv").click();
  await expect(page.getByTestId("event-details").getByTestId("trace-id").textContent()).resolves.toBe(first.traceId);
  await page.getByRole("button", { name: "Close event details" }).click();

  // pause: the second upload's events wait (counted) and none is shown until resume
  const shownBefore = await page.getByTestId("flow-pill").count();
  const materializedBefore = await count(page, "materialized");
  await page.getByRole("button", { name: "Pause" }).click();
  await uploadCsv(session, connection.id, "accounts-2.csv", accountsCsv(["Dahlia Textiles", "Ember Foods"]));
  await expect.poll(() => count(page, "materialized"), PIPELINE).toBeGreaterThan(materializedBefore);
  const waiting = Number((await page.getByTestId("waiting").textContent())?.match(/^(\d+) waiting$/)?.[1]);
  expect(waiting).toBeGreaterThanOrEqual(3);
  await expect(page.getByTestId("flow-summary").textContent()).resolves.toBe(`Paused: ${waiting} new events waiting.`);
  expect(await page.getByTestId("flow-pill").count()).toBe(shownBefore);
  expect(await page.getByTestId("flow-pill").filter({ hasText: "accounts-2.csv" }).count()).toBe(0);
  await page.getByRole("button", { name: "Resume" }).click();
  await pill(page, "received", "accounts-2.csv", "2 records").waitFor();
  await pill(page, "mapped", "accounts-2.csv", "2 emitted").waitFor();
  await pill(page, "materialized", "← accounts-2.csv", "2 upserted").waitFor();
  expect(await page.getByTestId("flow-pill").count()).toBe(shownBefore + waiting);
  expect(await page.getByTestId("waiting").count()).toBe(0);

  // stage filter: hiding received removes its lane and pills, the others stay
  await page.getByTestId("stage-received").click();
  await expect(page.getByTestId("stage-received").getAttribute("aria-pressed")).resolves.toBe("false");
  await page.getByTestId("lane-received").waitFor({ state: "detached" });
  expect(await page.locator('[data-testid="flow-pill"][data-stage="received"]').count()).toBe(0);
  expect(await pill(page, "mapped").count()).toBe(2);
  await page.getByTestId("stage-received").click();
  await pill(page, "received", "accounts-2.csv").waitFor();

  // text filter: only the second file's events (materialized ones through their run's trace)
  await page.getByLabel("Filter by connection, object or entity").fill("accounts-2");
  await pill(page, "received", "accounts.csv").waitFor({ state: "detached" });
  const texts = await page.getByTestId("flow-pill").allTextContents();
  expect(texts.length).toBeGreaterThanOrEqual(3);
  for (const text of texts) expect(text).toContain("accounts-2.csv");
});
