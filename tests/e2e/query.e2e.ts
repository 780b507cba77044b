// The Query page: DuckDB-WASM starts in the browser from our own origin (the engine served gzipped), loads the
// tenant's views with the rows uploaded through a FileSource connection, runs SQL whose answers match the upload,
// shows DuckDB's errors, and charts a result.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { inject } from "vitest";
import { openBrowser, screenshot, signedInPage } from "./helpers/browser";
import { createFileConnection, uploadCsv } from "./helpers/pipeline";
import { type Session, apiAs, registerTenant } from "./helpers/tenant";

// the legacy CRM's export format (scripts/demo/legacy-crm/; mappings/filesource/accounts.yaml and deals.yaml)
const ACCOUNTS_CSV = `Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;Tel;City;Country;Account Manager;Notes;Created;Last Modified
Q-1;Quarzwerk Analytics GmbH;Software;2.000.000,00;40;quarzwerk.example;;berlin;DE;Jonas Weber;;01/02/2021;01/02/2025 10:00
Q-2;Basaltbrücke Bau AG;Construction;9.500.000,00;310;basalt.example;;zürich;CH;Lea Fischer;;03/04/2019;05/06/2025 11:00
Q-3;Obsidian Optik SARL;Manufacturing;700.000,00;12;obsidian.example;;lyon;FR;Lea Fischer;;07/08/2022;09/10/2025 12:00
`;
const DEALS_CSV = `Deal ID;Deal Name;Account No;Stage;Value;Currency;Expected Close;Win Probability;Deal Type;Source;Owner;Notes;Created
QD-1;Quarzwerk — Platform;Q-1;Negotiation;100.000,00;EUR;30/06/2026;60%;New Business;Referral;Jonas Weber;;15/01/2026
QD-2;Quarzwerk — Support;Q-1;Negotiation;20.000,00;EUR;30/07/2026;50%;Upsell;Referral;Jonas Weber;;16/01/2026
QD-3;Basaltbrücke — Sensors;Q-2;Qualification;300.000,00;EUR;31/12/2026;10%;New Business;Website;Lea Fischer;;17/01/2026
QD-4;Basaltbrücke — Retrofit;Q-2;Closed - Won;250.000,00;EUR;15/03/2026;100%;Upsell;Trade fair;Lea Fischer;;18/01/2026
QD-5;Obsidian — Lenses;Q-3;Negotiation;40.000,00;EUR;01/09/2026;40%;New Business;Website;Lea Fischer;;19/01/2026
`;

let browser: { context: BrowserContext; close: () => Promise<void> };
let session: Session;
let opportunities: Record<string, unknown>[];

/** The view's rows once it has `count` of them (the pipeline runs asynchronously after the upload). */
async function viewRows(view: string, count: number): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const page = await apiAs<{ items: Record<string, unknown>[] }>(session, `/api/v1/dcl/views/${view}?limit=100`);
    if (page.items.length === count) return page.items;
    if (Date.now() > deadline) throw new Error(`${view} has ${page.items.length} rows, not ${count}, after 90 s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  session = await registerTenant("Query E2E Co");
  const connection = await createFileConnection(session, "Legacy CRM export");
  await uploadCsv(session, connection.id, "accounts.csv", ACCOUNTS_CSV);
  await uploadCsv(session, connection.id, "deals.csv", DEALS_CSV);
  await viewRows("accounts", 3);
  opportunities = await viewRows("opportunities", 5);
  browser = await openBrowser();
});
afterAll(() => browser?.close());

/** Runs `sql` through the editor with Ctrl+Enter. */
async function runSql(page: Page, sql: string) {
  const editor = page.getByRole("textbox", { name: /^SQL/ });
  await editor.fill(sql);
  await editor.press("Control+Enter");
}

/** The result table's body as text cells. */
async function resultRows(page: Page): Promise<string[][]> {
  const rows = await page.getByTestId("result-table").locator("tbody tr").all();
  return Promise.all(rows.map((row) => row.locator("td").allTextContents()));
}

test("DuckDB loads the uploaded views and answers SQL from our own origin only", async () => {
  const origin = new URL(inject("baseUrl")).origin;
  const foreign: string[] = [];
  const wasmEncodings: (string | undefined)[] = [];
  browser.context.on("request", (request) => {
    const url = new URL(request.url());
    if ((url.protocol === "http:" || url.protocol === "https:") && url.origin !== origin) foreign.push(request.url());
  });
  browser.context.on("response", (response) => {
    if (response.url().endsWith("/duckdb-eh.wasm")) wasmEncodings.push(response.headers()["content-encoding"]);
  });

  const page = await signedInPage(browser.context, session);
  await page.goto("/query");
  await page.getByText("Starting DuckDB…").waitFor();
  await page.getByTestId("engine-ready").waitFor({ timeout: 60_000 });
  for (const [entity, rows] of [["account", "3 rows"], ["opportunity", "5 rows"], ["contact", "0 rows"]] as const) {
    await page.getByTestId(`table-${entity}`).getByTestId("table-rows").filter({ hasText: rows }).waitFor();
  }

  await runSql(page, "select count(*) as deals, sum(amount) as total from opportunity");
  await page.getByTestId("result-table").waitFor();
  await expect(page.getByTestId("result-count").textContent()).resolves.toBe("1 row");
  expect(await page.getByTestId("result-table").locator("thead th").allTextContents()).toEqual(["deals Int64", "total Float64"]);
  expect(await resultRows(page)).toEqual([["5", "710000"]]);

  // the group-by answers what the view API says about the same rows
  await runSql(page, "select stage, count(*) as deals from opportunity group by stage order by stage");
  await page.getByTestId("result-count").filter({ hasNotText: "1 row" }).waitFor();
  const expected = new Map<string, number>();
  for (const row of opportunities) expected.set(String(row.stage), (expected.get(String(row.stage)) ?? 0) + 1);
  const rows = await resultRows(page);
  expect(rows).toEqual([...expected].sort(([a], [b]) => (a < b ? -1 : 1)).map(([stage, n]) => [stage, String(n)]));
  expect(rows.map(([, n]) => Number(n))).toContain(3); // the three "Negotiation" deals, however the mapping names the stage

  // label + number: the chart draws one bar per group
  await expect(page.getByTestId("chart").locator("rect").count()).resolves.toBe(expected.size);
  await page.setViewportSize({ width: 390, height: 860 });
  await screenshot(page, "query-narrow");
  await page.setViewportSize({ width: 1280, height: 860 });
  await screenshot(page, "query");

  expect(wasmEncodings).toEqual(["gzip"]);
  expect(foreign).toEqual([]);
});

test("a DuckDB error is shown, and an example query runs from its button", async () => {
  const page = await signedInPage(browser.context, session);
  await page.goto("/query");
  await page.getByTestId("engine-ready").waitFor({ timeout: 60_000 });
  await page.getByTestId("table-opportunity").getByTestId("table-rows").waitFor();

  await runSql(page, "select no_such_column from opportunity");
  await expect(page.getByTestId("query-error").textContent()).resolves.toMatch(/DuckDB could not run the query.*no_such_column/s);
  await screenshot(page, "query-error");

  await page.getByRole("button", { name: "Pipeline by stage" }).click();
  await page.getByTestId("result-table").waitFor();
  await expect(page.getByTestId("query-error").count()).resolves.toBe(0);
  await expect(page.getByTestId("chart").locator("rect").count()).resolves.toBeGreaterThan(0);
});

test("a tenant without rows sees the empty state, and its tables still answer", async () => {
  const empty = await registerTenant("Empty Query Co");
  const page = await signedInPage(browser.context, empty);
  await page.goto("/query");
  await expect(page.getByTestId("empty").textContent()).resolves.toContain("No rows yet");
  await page.getByTestId("table-account").getByTestId("table-rows").filter({ hasText: "0 rows" }).waitFor({ timeout: 60_000 });
  await runSql(page, "select count(*) as n from account");
  await page.getByTestId("result-table").waitFor();
  expect(await resultRows(page)).toEqual([["0"]]);
  await expect(page.getByTestId("chart-none").isVisible()).resolves.toBe(true);
  await screenshot(page, "query-empty");
});
