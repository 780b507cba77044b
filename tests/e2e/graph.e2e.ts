// DCL Graph: the empty state, then the Sankey of a real upload (source object → mapping → entity → view) with its
// counts, a second upload changing them live without a reload, and node details by mouse and keyboard.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBrowser, screenshot, signedInPage } from "./helpers/browser";
import { PIPELINE, accountsCsv, createFileConnection, uploadCsv } from "./helpers/pipeline";
import { type Session, registerTenant } from "./helpers/tenant";

let browser: { context: BrowserContext; close: () => Promise<void> };
let session: Session;
beforeAll(async () => {
  browser = await openBrowser();
  session = await registerTenant("Graph E2E Co");
});
afterAll(() => browser.close());

const node = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

test("the graph starts empty, shows an upload's lineage with counts, updates live and opens node details", async () => {
  const page = await signedInPage(browser.context, session);
  await page.goto("/graph");
  await page.getByTestId("empty").waitFor();
  await expect(page.getByTestId("empty").textContent()).resolves.toContain("AAM Monitor");
  await page.locator('[data-testid="live-status"][data-status="open"]').waitFor();

  const connection = await createFileConnection(session, "Legacy CRM");
  await uploadCsv(session, connection.id, "accounts.csv", accountsCsv(["Aurora Shipping", "Basalt Mining", "Cobalt Robotics"]));
  await node(page, "Source object Legacy CRM · accounts.csv: 3 records").waitFor(PIPELINE);
  await node(page, "Mapping filesource/accounts: 3 events").waitFor(PIPELINE);
  await node(page, "Canonical entity account: 3 events").waitFor(PIPELINE);
  await node(page, "View accounts: 3 rows").waitFor(PIPELINE);
  await screenshot(page, "graph");

  // survives only if the page is not reloaded
  await page.evaluate(() => ((globalThis as unknown as { stillHere: boolean }).stillHere = true));
  await uploadCsv(session, connection.id, "accounts-2.csv", accountsCsv(["Dahlia Textiles", "Ember Foods"]));
  await node(page, "View accounts: 5 rows").waitFor(PIPELINE);
  await node(page, "Mapping filesource/accounts: 5 events").waitFor(PIPELINE);
  await node(page, "Source object Legacy CRM · accounts-2.csv: 2 records").waitFor(PIPELINE);
  await expect(page.locator('[data-node-id="view:accounts"] [data-testid="node-count"]').textContent()).resolves.toContain("5 rows");
  await expect(page.evaluate(() => (globalThis as unknown as { stillHere?: boolean }).stillHere)).resolves.toBe(true);

  // click: a view's details carry its entity's canonical fields and its lineage
  await node(page, "View accounts: 5 rows").click();
  const details = page.getByTestId("node-details");
  await details.getByTestId("entity-fields").waitFor();
  const fields = await details.getByTestId("entity-fields").textContent();
  expect(fields).toContain("name");
  expect(fields).toContain("annual_revenue");
  await expect(details.textContent()).resolves.toContain("5 live, 0 tombstoned");
  await expect(details.getByRole("button", { name: "account", exact: true }).isVisible()).resolves.toBe(true);

  // keyboard: Enter on a focused mapping node shows its field map; Escape closes and returns focus to the node
  await page.locator('[data-node-id="mapping:filesource/accounts"]').focus();
  await page.keyboard.press("Enter");
  await details.getByTestId("mapping-fields").waitFor();
  await expect(details.getByTestId("mapping-fields").textContent()).resolves.toContain("Company Name");
  await expect(details.textContent()).resolves.toMatch(/filesource\/accounts@1#\w+/);
  await expect(details.getByRole("heading", { level: 2 }).textContent()).resolves.toBe("filesource/accounts");
  await screenshot(page, "graph-details");
  await page.keyboard.press("Escape");
  await details.waitFor({ state: "detached" });
  await page.locator('[data-node-id="mapping:filesource/accounts"]:focus').waitFor();
});

test("at 390 px the graph keeps its size and scrolls sideways", async () => {
  const page = await signedInPage(browser.context, session);
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto("/graph");
  await node(page, "View accounts: 5 rows").waitFor(PIPELINE);
  const overflow = await page.locator(".chart").evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(overflow.scroll).toBeGreaterThan(overflow.client);
  expect(await page.locator("html").evaluate((el) => el.scrollWidth)).toBeLessThanOrEqual(390);
});
