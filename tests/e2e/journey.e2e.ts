// One new tenant's whole path through the console, in one browser, as the issue tells it: register, upload a CSV,
// see its events in Live Flow, see the Sankey's counts change live, approve a pending repair, query the result
// with DuckDB in the browser. Each page's own file tests it in depth; this one proves they work together, and
// saves a screenshot of every page.
import { randomUUID } from "node:crypto";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBrowser, screenshot } from "./helpers/browser";
import { createFileConnectionInUi, uploadCsvInUi } from "./helpers/monitor-page";
import { PIPELINE } from "./helpers/pipeline";
import { PASSWORD } from "./helpers/tenant";

const HEADER = "Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;City;Country";
const JANUARY = [HEADER, "J-1;Acme GmbH;Technology;1.234.567,00;250;acme.example;Berlin;DE", "J-2;Globex AG;Energy;10,00;3;globex.example;Basel;CH"];
// the next export renamed a column: held for approval (threshold 1), then mapped by the approved repair
const FEBRUARY = [HEADER.replace("Company Name", "Account Name"), "J-3;Initech;Banking;2.000.000,00;90;initech.example;Wien;AT"];

let browser: { context: BrowserContext; close: () => Promise<void> };
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser.close());

const node = (page: Page, name: string) => page.getByRole("button", { name, exact: true });

/** Another tab of the same signed-in person (the console keeps its session per tab, like sessionStorage does). */
async function secondTab(first: Page): Promise<Page> {
  const stored = await first.evaluate(() => sessionStorage.getItem("autonomos.session"));
  const page = await browser.context.newPage();
  await page.addInitScript((value) => sessionStorage.setItem("autonomos.session", value), stored!);
  return page;
}

test("register → upload → Live Flow → Sankey changes live → approve a repair → DuckDB query", async () => {
  const page = await browser.context.newPage();
  await page.goto("/");
  await page.getByRole("link", { name: "Create a tenant" }).click();
  await page.getByLabel("Company or team name").fill("Journey Co");
  await page.getByLabel("Email").fill(`journey-${randomUUID()}@example.com`);
  await page.getByLabel(/Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create tenant" }).click();
  await page.waitForURL("**/monitor");

  // a person approves every repair in this tenant
  await page.getByLabel(/New threshold/).fill("1");
  await page.getByRole("button", { name: "Save threshold" }).click();
  await page.getByTestId("threshold").filter({ hasText: /Auto-apply threshold: 1 / }).waitFor();
  await createFileConnectionInUi(page, "Legacy CRM");
  await uploadCsvInUi(page, "accounts-jan.csv", JANUARY, 1);

  // Live Flow: the upload's pipeline events (the feed replays what it still buffers)
  await page.getByRole("link", { name: "Live Flow" }).click();
  for (const stage of ["received", "mapped", "materialized"]) {
    await page.locator(`[data-testid="flow-pill"][data-stage="${stage}"]`).filter({ hasText: /accounts-jan\.csv/ }).first().waitFor(PIPELINE);
  }
  await screenshot(page, "journey-flow");

  // DCL Graph: two rows; the renamed export is held (quarantine appears), then approving it in another tab
  // changes the view's count here without a reload
  await page.getByRole("link", { name: "DCL Graph" }).click();
  await node(page, "View accounts: 2 rows").waitFor(PIPELINE);
  await page.evaluate(() => ((globalThis as { stayed?: boolean }).stayed = true));
  const monitor = await secondTab(page);
  await monitor.goto("/monitor");
  await uploadCsvInUi(monitor, "accounts-feb.csv", FEBRUARY, 2);
  await node(page, "Quarantine quarantine: 1 held back").waitFor(PIPELINE);
  await screenshot(page, "journey-graph-held");

  const repair = monitor.locator('[data-testid="repair"][data-status="pending"]');
  await repair.waitFor(PIPELINE);
  await repair.getByRole("button", { name: "Approve" }).click();
  await expect(monitor.getByTestId("repair-replay").textContent()).resolves.toBe("Applied. Held records replayed: 1; still failing: 0.");
  await screenshot(monitor, "journey-monitor");
  await node(page, "View accounts: 3 rows").waitFor(PIPELINE);
  expect(await page.evaluate(() => (globalThis as { stayed?: boolean }).stayed)).toBe(true);
  await screenshot(page, "journey-graph");

  // Ontology: the approved repair is the mapping's new version
  await page.getByRole("link", { name: "Ontology" }).click();
  await page.getByRole("heading", { level: 1 }).waitFor();
  await screenshot(page, "journey-ontology");

  // Query: DuckDB in the browser loads the view and answers
  await page.getByRole("link", { name: "Query" }).click();
  await page.getByTestId("engine-ready").waitFor({ timeout: 60_000 });
  await page.getByTestId("table-account").getByTestId("table-rows").filter({ hasText: "3 rows" }).waitFor();
  const editor = page.getByRole("textbox", { name: /^SQL/ });
  await editor.fill("select source_id, name from account order by source_id");
  await editor.press("Control+Enter");
  await page.getByTestId("result-count").filter({ hasText: "3 rows" }).waitFor();
  const rows = await page.getByTestId("result-table").locator("tbody tr").all();
  const cells = await Promise.all(rows.map((row) => row.locator("td").allTextContents()));
  // Initech came from the renamed column, mapped by the approved repair
  expect(cells).toEqual([["J-1", "Acme GmbH"], ["J-2", "Globex AG"], ["J-3", "Initech"]]);
  await screenshot(page, "journey-query");
});
