// The Agents page through the UI, on data that went through the real pipeline: a CRM export whose deals closed
// between two uploads (so they have a history to learn win rates from) and a FOCUS cost export with two spikes.
// RevOps and FinOps run from the page; their findings, explanations, forecast and anomaly charts show; the
// sub-account tags FinOps proposes wait for approval (the default policy) and one is approved, the other rejected;
// a policy is changed; a run started through the API reaches the open page over /live-flow.
import type { BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBrowser, screenshot, signedInPage } from "./helpers/browser";
import { PIPELINE, createFileConnection, uploadCsv } from "./helpers/pipeline";
import { type Session, apiAs, registerTenant } from "./helpers/tenant";

const DAY_MS = 86_400_000;
const today = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate()));
const dayAt = (offset: number) => new Date(today.getTime() + offset * DAY_MS);
const iso = (offset: number) => dayAt(offset).toISOString().slice(0, 10);
/** dd/MM/yyyy, the legacy CRM's date format (mappings/filesource/deals.yaml) */
const crmDate = (offset: number) => {
  const [y, m, d] = iso(offset).split("-");
  return `${d}/${m}/${y}`;
};

const ACCOUNTS_CSV = [
  "Account No;Company Name;Sector;Annual Revenue (EUR);Employees;Web;Tel;City;Country;Account Manager;Notes;Created;Last Modified",
  "K-1;Kobaltwerk GmbH;Software;2.000.000,00;40;kobalt.example;;berlin;DE;Jonas Weber;;01/02/2021;01/02/2025 10:00",
  "K-2;Granitbau AG;Construction;9.500.000,00;310;granit.example;;zürich;CH;Lea Fischer;;03/04/2019;05/06/2025 11:00",
].join("\n");

const DEALS_HEADER = "Deal ID;Deal Name;Account No;Stage;Value;Currency;Expected Close;Win Probability;Deal Type;Source;Owner;Notes;Created";
type Deal = [id: string, name: string, account: string, stage: string, value: string, close: number, probability: string];
const dealsCsv = (deals: Deal[]) =>
  [DEALS_HEADER, ...deals.map(([id, name, account, stage, value, close, p]) => `${id};${name};${account};${stage};${value};EUR;${crmDate(close)};${p};New Business;Web;Jonas Weber;;01/01/2026`)].join("\n");

/** The deals as they stood first: all open, in their stages. */
const BEFORE: Deal[] = [
  ["W-1", "Kobalt platform", "K-1", "Negotiation", "80.000,00", -20, "60%"],
  ["W-2", "Kobalt support", "K-1", "Proposal", "20.000,00", -15, "40%"],
  ["W-3", "Granit sensors", "K-2", "Negotiation", "120.000,00", -10, "60%"],
  ["W-4", "Granit retrofit", "K-2", "Proposal", "60.000,00", -8, "40%"],
  ["L-1", "Kobalt training", "K-1", "Qualification", "15.000,00", -12, "10%"],
  ["L-2", "Granit pilot", "K-2", "Qualification", "30.000,00", -9, "10%"],
  ["L-3", "Granit tunnel", "K-2", "Proposal", "90.000,00", -5, "30%"],
  ["O-1", "Kobalt expansion", "K-1", "Negotiation", "150.000,00", 25, "70%"],
  ["O-2", "Granit bridge", "K-2", "Proposal", "200.000,00", 40, "40%"],
  ["O-3", "Kobalt analytics", "K-1", "Qualification", "50.000,00", 70, "10%"],
];
/** …and later: the W deals won, the L deals lost, one open deal's close date pushed out. */
const AFTER: Deal[] = BEFORE.map(([id, name, account, stage, value, close, p]): Deal => {
  if (id.startsWith("W-")) return [id, name, account, "Closed - Won", value, close, "100%"];
  if (id.startsWith("L-")) return [id, name, account, "Closed - Lost", value, close, "0%"];
  return id === "O-2" ? [id, name, account, stage, value, close + 45, p] : [id, name, account, stage, value, close, p];
});

const FOCUS_HEADER =
  "BilledCost,EffectiveCost,ListCost,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargePeriodStart,ChargePeriodEnd,ChargeCategory," +
  "ChargeDescription,ProviderName,PublisherName,ServiceName,ServiceCategory,BillingAccountId,SubAccountId,SubAccountName,ResourceId," +
  "ResourceName,RegionId,SkuId,ConsumedQuantity,ConsumedUnit,Tags";
const COST_DAYS = 42;
const SERIES = [
  { service: "Amazon Elastic Compute Cloud", category: "Compute", account: "210987654321", name: "acme-prod", level: 100, spikeDay: -3, spike: 420, tags: '{""team"":""payments""}' },
  { service: "Amazon Relational Database Service", category: "Databases", account: "345678901234", name: "acme-staging", level: 50, spikeDay: -5, spike: 260, tags: '{""team"":""data""}' },
];

/** Daily costs of two services up to yesterday (the FinOps window ends there), each with one spike in the last days. */
function focusCsv(): string {
  const rows = SERIES.flatMap((s) =>
    Array.from({ length: COST_DAYS }, (_, i) => {
      const offset = i - COST_DAYS;
      const cost = offset === s.spikeDay ? s.spike : s.level + (i % 3) - 1;
      const start = `${iso(offset)}T00:00:00Z`;
      const end = `${iso(offset + 1)}T00:00:00Z`;
      return [
        cost, cost, cost, "USD", start, end, start, end, "Usage", `${s.service} usage`, "AWS", "AWS", s.service, s.category, "123456789012",
        s.account, s.name, `res-${s.account}`, `${s.name}-main`, "us-east-1", "SKU-1", 24, "Hours", `"${s.tags}"`,
      ].join(",");
    }),
  );
  return [FOCUS_HEADER, ...rows].join("\n") + "\n";
}

let browser: { context: BrowserContext; close: () => Promise<void> };
let session: Session;

/** Waits until the view's rows satisfy `done` (the pipeline runs asynchronously after an upload). */
async function viewUntil(view: string, done: (rows: Record<string, unknown>[]) => boolean): Promise<void> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const page = await apiAs<{ items: Record<string, unknown>[] }>(session, `/api/v1/dcl/views/${view}?limit=100`);
    if (done(page.items)) return;
    if (Date.now() > deadline) throw new Error(`${view} did not reach the expected rows after 90 s (${page.items.length} rows)`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

beforeAll(async () => {
  session = await registerTenant("Agents E2E Co");
  const connection = await createFileConnection(session, "Exports");
  await uploadCsv(session, connection.id, "accounts.csv", ACCOUNTS_CSV);
  await uploadCsv(session, connection.id, "deals.csv", dealsCsv(BEFORE));
  await viewUntil("opportunities", (rows) => rows.length === BEFORE.length);
  await uploadCsv(session, connection.id, "deals.csv", dealsCsv(AFTER));
  await viewUntil("opportunities", (rows) => rows.filter((r) => r.status === "won").length === 4 && rows.filter((r) => r.status === "lost").length === 3);
  await uploadCsv(session, connection.id, "focus-costs.csv", focusCsv());
  await viewUntil("costs", (rows) => rows.length === COST_DAYS * SERIES.length);
  browser = await openBrowser();
}, 240_000);
afterAll(() => browser?.close());

const agentCard = (page: Page, agent: string) => page.locator(`[data-testid="agent-card"][data-agent="${agent}"]`);

async function runFromPage(card: Locator): Promise<void> {
  await card.getByRole("button", { name: "Run now" }).click();
  await card.getByTestId("run-status").filter({ hasText: "succeeded" }).waitFor(PIPELINE);
}

test("runs both pilots from the page: explained findings, the forecast with its backtest, the anomaly chart; held actions approved and rejected", async () => {
  const page = await signedInPage(browser.context, session);
  // a rendering error (e.g. a duplicate key) leaves a section stale without a visible error: fail on any
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/agents");
  await page.getByRole("heading", { name: "Agents", level: 1 }).waitFor();
  await page.getByTestId("live-status").and(page.locator('[data-status="open"]')).waitFor(PIPELINE);
  const revops = agentCard(page, "revops");
  const finops = agentCard(page, "finops");
  await expect(revops.getByTestId("last-run").textContent()).resolves.toContain("Never ran");
  await expect(page.locator("#revops").getByTestId("empty").textContent()).resolves.toContain("No forecast yet");
  await expect(page.locator("#actions").getByTestId("empty").textContent()).resolves.toContain("No actions yet");

  // RevOps: win rates from the 4 won and 3 lost deals, the open ones forecast by close month
  await runFromPage(revops);
  await expect(revops.getByTestId("run-summary").textContent()).resolves.not.toBe("");
  const chart = page.getByTestId("forecast-chart");
  await chart.waitFor(PIPELINE);
  expect(await chart.getByTestId("forecast-month").count()).toBeGreaterThanOrEqual(2);
  expect(await chart.locator("rect.weighted").count()).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId("forecast-total").textContent()).resolves.toContain("3 open deals");
  await expect(page.getByTestId("backtest-row").allTextContents()).resolves.toEqual([
    expect.stringContaining("Calibrated model"),
    expect.stringContaining("Source probability (naive)"),
    expect.stringContaining("Unweighted pipeline (naive)"),
  ]);
  // every deal's history began with this test's uploads: no deal was open at the backtest's past month starts
  await page.getByTestId("backtest-empty").waitFor();
  const winRates = page.getByTestId("win-rates");
  await expect(winRates.textContent()).resolves.toContain("Negotiation");
  await expect(page.locator("#revops").textContent()).resolves.toContain("from 4 won and 3 lost deals");

  // FinOps: the two spikes become findings, an alert each (auto) and a sub-account tag each (held for approval)
  await runFromPage(finops);
  const anomalyChart = page.getByTestId("anomaly-chart");
  await anomalyChart.waitFor(PIPELINE);
  // the spike; the days the services' costs began are marked too (a level shift from nothing)
  const point = anomalyChart.getByRole("button", { name: /: \$420,/ });
  await point.focus();
  const explanation = page.getByTestId("anomaly-explanation");
  await expect(explanation.textContent()).resolves.toMatch(/Spike\..*\$420 against \$[\d.,]+ expected/);
  // the other series
  const picker = page.getByTestId("series-picker");
  await picker.selectOption({ label: (await picker.locator("option", { hasText: "Relational Database Service" }).textContent()) ?? "" });
  await expect(page.getByTestId("anomaly-chart").getAttribute("aria-label")).resolves.toContain("Relational Database Service");

  // findings, filtered to FinOps' anomalies, each with its explanation factors and effect bars
  const findings = page.locator("#findings");
  await findings.getByLabel("Agent").selectOption("finops");
  const anomalies = findings.locator('[data-testid="finding"][data-kind="cost_anomaly"]');
  await anomalies.first().waitFor(PIPELINE);
  expect(await anomalies.count()).toBe(2);
  const first = anomalies.first();
  await first.getByText(/^Why/).click();
  await expect(first.getByTestId("factor").allTextContents()).resolves.toEqual([
    expect.stringContaining("Baseline level"),
    expect.stringContaining("Weekday pattern"),
    expect.stringContaining("Deviation"),
  ]);
  expect(await findings.locator('[data-testid="finding"][data-agent="revops"]').count()).toBe(0);

  // the held tags: pending first, each saying what it will write
  const actions = page.locator("#actions");
  const held = actions.locator('[data-testid="action"][data-status="pending_approval"]');
  await held.first().waitFor(PIPELINE);
  expect(await held.count()).toBe(2);
  await expect(actions.getByTestId("action").first().getAttribute("data-status")).resolves.toBe("pending_approval");
  await expect(held.first().getByTestId("action-plan").textContent()).resolves.toMatch(/AWS sub-account \d+.*tag finops:anomaly/);
  await screenshot(page, "agents");

  const approve = held.first();
  const approveId = await approve.getAttribute("aria-labelledby");
  await approve.getByRole("button", { name: "Approve" }).click();
  const approved = actions.locator(`[data-testid="action"][aria-labelledby="${approveId}"]`);
  await approved.and(page.locator('[data-status="succeeded"]')).waitFor(PIPELINE);
  await expect(approved.getByTestId("action-status").textContent()).resolves.toBe("succeeded");

  const reject = actions.locator('[data-testid="action"][data-status="pending_approval"]');
  expect(await reject.count()).toBe(1);
  const rejectId = await reject.getAttribute("aria-labelledby");
  await reject.getByRole("button", { name: "Reject…" }).click();
  await reject.getByLabel(/Reason/).fill("staging spikes are expected during load tests");
  await reject.getByRole("button", { name: "Reject action" }).click();
  const rejected = actions.locator(`[data-testid="action"][aria-labelledby="${rejectId}"]`);
  await rejected.and(page.locator('[data-status="rejected"]')).waitFor(PIPELINE);
  await expect(rejected.textContent()).resolves.toContain("Reason: staging spikes are expected during load tests");

  // the approved tag is in the registry; the rejected one is not
  const registry = await apiAs<{ items: { sub_account_id: string; tags: Record<string, string> }[] }>(session, "/api/v1/aoa/sub-accounts/tags");
  expect(registry.items).toHaveLength(1);
  expect(Object.keys(registry.items[0]!.tags)).toContain("finops:anomaly");

  // the alerts FinOps raised (auto by default) are listed
  expect(await page.locator("#alerts").getByTestId("alert").count()).toBeGreaterThanOrEqual(2);
  await page.locator("#actions").scrollIntoViewIfNeeded();
  await screenshot(page, "agents-actions");
  expect(errors).toEqual([]);
});

test("a policy changed in the UI is saved", async () => {
  const page = await signedInPage(browser.context, session);
  await page.goto("/agents#policies");
  const policy = page.locator('[data-testid="policy"][data-type="alert.create"]');
  await policy.getByRole("combobox").selectOption("approval");
  // "default" gives way to who changed it and when
  await policy.filter({ hasNotText: "default" }).waitFor(PIPELINE);
  const { policies } = await apiAs<{ policies: { action_type: string; mode: string }[] }>(session, "/api/v1/aoa/policies");
  expect(policies.find((p) => p.action_type === "alert.create")?.mode).toBe("approval");
});

test("a run started through the API reaches the open page over /live-flow", async () => {
  const page = await signedInPage(browser.context, session);
  await page.goto("/agents");
  const revops = agentCard(page, "revops");
  await revops.getByTestId("run-status").waitFor(PIPELINE);
  await page.getByTestId("live-status").and(page.locator('[data-status="open"]')).waitFor(PIPELINE);
  const before = await revops.getAttribute("data-run-id");
  const run = await apiAs<{ id: string; status: string }>(session, "/api/v1/aoa/agents/revops/run", { method: "POST" });
  expect(run.id).not.toBe(before);
  // the page never polls: only the live event can bring the new run
  await page.locator(`[data-testid="agent-card"][data-agent="revops"][data-run-id="${run.id}"]`).waitFor(PIPELINE);

  // a phone's width: nothing makes the page scroll sideways (tables and charts fit or scroll in their own box)
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(390);
  await screenshot(page, "agents-390");
});
