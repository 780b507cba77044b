// The AAM Monitor through the UI: a new tenant's first file connection and upload, its run and a quarantined row;
// then a renamed CSV column held for approval (threshold 1), approved in the UI, its held records replayed, and
// the repair rolled back.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBrowser, screenshot, signedInPage } from "./helpers/browser";
import { createFileConnectionInUi, uploadCsvInUi } from "./helpers/monitor-page";
import { PIPELINE } from "./helpers/pipeline";
import { type Session, apiAs, registerTenant } from "./helpers/tenant";

const HEADER = "Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;City;Country";
const RENAMED = HEADER.replace("Company Name", "Account Name");

let browser: { context: BrowserContext; close: () => Promise<void> };
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser.close());

async function openMonitor(session: Session): Promise<Page> {
  const page = await signedInPage(browser.context, session);
  await page.goto("/monitor");
  await page.getByRole("heading", { name: "AAM Monitor", level: 1 }).waitFor();
  return page;
}

test("a new tenant is guided to a file connection; its CSV's run completes with counts and a bad row is quarantined", async () => {
  const session = await registerTenant("Monitor Onboarding Co");
  const page = await openMonitor(session);
  await expect(page.locator("#connections").getByTestId("empty").textContent()).resolves.toContain("create a file connection and upload a CSV");
  await expect(page.locator("#runs").getByTestId("empty").textContent()).resolves.toContain("No runs yet");

  await createFileConnectionInUi(page, "CRM exports");
  const card = page.getByTestId("connection");
  await expect(card.getByTestId("source-state").textContent()).resolves.toBe("source not checked");
  await card.getByRole("button", { name: "Test" }).click();
  await expect(card.getByTestId("test-result").textContent()).resolves.toContain("the source answers (ok");
  await card.getByTestId("source-state").filter({ hasText: "source ok" }).waitFor();

  await uploadCsvInUi(page, "accounts-2026-01.csv", [
    HEADER,
    "A-1;Acme GmbH;Technology;1.234.567,00;250;acme.example;Berlin;DE",
    "A-2;Globex AG;Energy;0,00;0;globex.example;Basel;CH",
    "A-9;;Retail;100,00;5;nameless.example;Wien;AT",
  ], 1);
  const run = page.locator('[data-testid="run"][data-status="succeeded"]');
  await expect(run.getByTestId("run-counts").textContent()).resolves.toBe("3 read · 2 emitted · 0 duplicates · 1 quarantined");
  await expect(run.textContent()).resolves.toContain("accounts-2026-01.csv");

  const held = page.getByTestId("quarantined-record");
  await held.waitFor(PIPELINE);
  expect(await held.count()).toBe(1);
  await expect(held.textContent()).resolves.toContain("line 4");
  await expect(held.getByTestId("quarantine-reason").textContent()).resolves.toMatch(/name/i);
  // the connection's card says when it last read the file
  await card.filter({ hasText: "3 read," }).waitFor(PIPELINE);

  // replaying it unchanged keeps it held, and says so
  await held.getByRole("button", { name: "Replay" }).click();
  await expect(page.getByTestId("replay-outcome").textContent()).resolves.toContain("0 record(s) now in the stream, 1 still failing");
  await page.evaluate("window.scrollTo(0, 0)");
  await screenshot(page, "monitor");

  // a phone's width: nothing makes the page scroll sideways (wide tables scroll inside their own box)
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  await screenshot(page, "monitor-390");
});

test("with threshold 1 a renamed column waits for approval; approving applies it and replays the held records; rollback undoes it", async () => {
  const session = await registerTenant("Monitor Repair Co");
  const page = await openMonitor(session);

  await page.getByLabel(/New threshold/).fill("1");
  await page.getByRole("button", { name: "Save threshold" }).click();
  await page.getByTestId("threshold").filter({ hasText: /Auto-apply threshold: 1 \(default/ }).waitFor();

  await createFileConnectionInUi(page, "Legacy CRM");
  await uploadCsvInUi(page, "accounts-2026-01.csv", [
    HEADER,
    "A-1;Acme GmbH;Technology;1.234.567,00;250;acme.example;Berlin;DE",
    "A-2;Globex AG;Energy;0,00;0;globex.example;Basel;CH",
  ], 1);
  await uploadCsvInUi(page, "accounts-2026-02.csv", [
    RENAMED,
    "A-3;Initech;Banking;2.000.000,00;90;initech.example;Wien;AT",
    "A-4;Hooli;Technology;5.500,50;12;hooli.example;Graz;AT",
    "A-1;Acme GmbH;Technology;1.300.000,00;260;acme.example;Berlin;DE",
  ], 2);

  const repair = page.locator('[data-testid="repair"][data-status="pending"]');
  await repair.waitFor(PIPELINE);
  // before a repair pairs them, the observer reports the old column gone and the new one added
  const drift = page.getByTestId("drift-event");
  await expect(drift.getByTestId("drift-change").allTextContents()).resolves.toEqual(expect.arrayContaining(["removed Company Name (feeds name)", "added Account Name"]));
  await expect(drift.textContent()).resolves.toMatch(/breaking[\s\S]*repair pending/);
  const change = repair.getByTestId("repair-change");
  await expect(change.textContent()).resolves.toMatch(/name\s*map[\s\S]*Company Name\s*→\s*Account Name/);
  // the matcher's confidence, as the API states it, shown as a percentage below 100 (else it would have applied)
  const pending = await apiAs<{ items: { changes: { confidence: number }[] }[] }>(session, "/api/v1/aam/repairs?status=pending");
  const confidence = Math.floor(pending.items[0]!.changes[0]!.confidence * 1000) / 10;
  expect(confidence).toBeLessThan(100);
  await expect(change.getByTestId("confidence").getAttribute("aria-valuenow")).resolves.toBe(String(confidence));
  await expect(change.getByTestId("confidence").textContent()).resolves.toContain(`${confidence}%`);
  const heldBefore = await page.getByTestId("quarantined-record").count();
  expect(heldBefore).toBeGreaterThan(0);
  await expect(page.getByTestId("metrics").textContent()).resolves.toContain("Pending1");
  await page.evaluate("window.scrollTo(0, 0)");
  await screenshot(page, "monitor-repair");

  await repair.getByRole("button", { name: "Approve" }).click();
  await expect(page.getByTestId("repair-replay").textContent()).resolves.toBe(`Applied. Held records replayed: ${heldBefore}; still failing: 0.`);
  await page.locator('[data-testid="repair"][data-status="applied"]').waitFor();
  await expect(page.locator("#quarantine").getByTestId("empty").textContent()).resolves.toContain("Nothing in quarantine");
  await expect(page.getByTestId("metrics").textContent()).resolves.toMatch(/Approved by a person1[\s\S]*Pending0/);

  // the replayed events reach the view once it has materialized them
  const viewNames = async () => {
    const view = await apiAs<{ items: Record<string, unknown>[] }>(session, "/api/v1/dcl/views/accounts?limit=500");
    return Object.fromEntries(view.items.map((row) => [String(row.source_id), row.name]));
  };
  await expect.poll(viewNames, PIPELINE).toEqual({ "A-1": "Acme GmbH", "A-2": "Globex AG", "A-3": "Initech", "A-4": "Hooli" });

  const applied = page.locator('[data-testid="repair"][data-status="applied"]');
  await applied.getByRole("button", { name: "Rollback" }).click();
  // the rollback is a new mapping version, and the drift is open again
  await page.locator('[data-testid="repair"][data-status="rolled_back"]').waitFor();
  await page.getByTestId("drift-event").filter({ hasText: /breaking\s*open/ }).waitFor();
  await expect(page.getByTestId("metrics").textContent()).resolves.toContain("Rolled back (of the applied)1");
});

test("a reviewer corrects a change's source field before approving; the applied repair and the view use the correction", async () => {
  const session = await registerTenant("Monitor Override Co");
  const page = await openMonitor(session);
  await page.getByLabel(/New threshold/).fill("1");
  await page.getByRole("button", { name: "Save threshold" }).click();
  await page.getByTestId("threshold").filter({ hasText: /Auto-apply threshold: 1 \(default/ }).waitFor();

  await createFileConnectionInUi(page, "Override CRM");
  await uploadCsvInUi(page, "accounts-2026-01.csv", [HEADER, "A-1;Acme GmbH;Technology;1.234.567,00;250;acme.example;Berlin;DE"], 1);
  // the old name column is gone and two candidates appear: whichever the matcher picks, the reviewer picks the other
  await uploadCsvInUi(page, "accounts-2026-02.csv", [
    `${RENAMED};Legal Name`,
    "A-3;Initech;Banking;2.000.000,00;90;initech.example;Wien;AT;Initech Holding AG",
    "A-1;Acme GmbH;Technology;1.300.000,00;260;acme.example;Berlin;DE;Acme Group GmbH",
  ], 2);

  const repair = page.locator('[data-testid="repair"][data-status="pending"]');
  await repair.waitFor(PIPELINE);
  const pending = await apiAs<{ items: { id: string; changes: { target: string; from: string | null }[] }[] }>(session, "/api/v1/aam/repairs?status=pending");
  const proposed = pending.items[0]!;
  const index = proposed.changes.findIndex((c) => c.target === "name");
  expect(index).toBeGreaterThanOrEqual(0);
  const corrected = proposed.changes[index]!.from === "Legal Name" ? "Account Name" : "Legal Name";
  const expectedNames = corrected === "Legal Name" ? { "A-1": "Acme Group GmbH", "A-3": "Initech Holding AG" } : { "A-1": "Acme GmbH", "A-3": "Initech" };

  const adjust = repair.getByRole("button", { name: "Adjust name" });
  await adjust.click();
  await expect(adjust.getAttribute("aria-expanded")).resolves.toBe("true");
  // the entity's fields load for the target choice; the proposal's target stays selected
  await repair.getByLabel("Target for name").locator("option", { hasText: "industry" }).waitFor({ state: "attached" });
  await repair.getByLabel("Source field for name").fill(corrected);
  const row = repair.getByTestId("repair-change").nth(index);
  await expect(row.getByTestId("change-adjusted").textContent()).resolves.toBe("adjusted");
  await expect(row.textContent()).resolves.toContain(`→ ${corrected}`);
  await page.evaluate("window.scrollTo(0, 0)");
  await screenshot(page, "monitor-repair-adjust");

  await repair.getByRole("button", { name: "Approve with changes" }).click();
  await page.getByTestId("repair-replay").waitFor(PIPELINE);
  await page.locator('[data-testid="repair"][data-status="applied"]').waitFor();

  // the applied repair records the reviewer's source field, as their decision
  const applied = await apiAs<{ status: string; changes: { target: string; from: string | null; confidence: number; reason: string }[] }>(session, `/api/v1/aam/repairs/${proposed.id}`);
  expect(applied.status).toBe("applied");
  expect(applied.changes[index]).toMatchObject({ target: "name", from: corrected, confidence: 1 });
  expect(applied.changes[index]!.reason).toContain("corrected by the reviewer");
  const viewNames = async () => {
    const view = await apiAs<{ items: Record<string, unknown>[] }>(session, "/api/v1/dcl/views/accounts?limit=500");
    return Object.fromEntries(view.items.map((row) => [String(row.source_id), row.name]));
  };
  await expect.poll(viewNames, PIPELINE).toEqual(expectedNames);
});
