// Ontology: the canonical schema, the mappings by source, and editing one mapping through the UI: validate (errors
// by line), preview on a sample, save a version with a comment, its history and the diff with the previous version.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBrowser, screenshot, signedInPage } from "./helpers/browser";
import { registerTenant, type Session } from "./helpers/tenant";

let browser: { context: BrowserContext; close: () => Promise<void> };
let session: Session;
beforeAll(async () => {
  [browser, session] = await Promise.all([openBrowser(), registerTenant("Ontology E2E Co")]);
});
afterAll(() => browser.close());

const WAIT = { timeout: 30_000 };

/** The page's width at 390 px: wide content (tables, the editor, the diff, the nav) scrolls inside its own region. */
const pageWidth = (page: Page) => page.locator("html").evaluate((el) => el.scrollWidth);

test("the canonical entities with their required fields, and the bundled mappings by source", async () => {
  const page = await signedInPage(browser.context, session);
  await page.goto("/ontology");
  const account = page.locator('section[data-entity="account"]');
  await account.waitFor(WAIT);
  await expect(account.locator("p").first().textContent()).resolves.toMatch(/required: source_id, name, extras\s*$/);
  await expect(page.locator('section[data-entity="opportunity"] p').first().textContent()).resolves.toMatch(/required: source_id, name, status, extras\s*$/);
  await expect(page.locator('section[data-entity="contact"] p').first().textContent()).resolves.toMatch(/required: source_id, extras\s*$/);

  await page.getByText("All opportunity fields").click();
  const status = page.locator('section[data-entity="opportunity"] tr[data-field="status"]');
  await expect(status.textContent()).resolves.toMatch(/required.*One of open, won, lost/s);

  const filesource = page.locator('section[data-system="filesource"]');
  await filesource.waitFor(WAIT);
  expect(await filesource.getByRole("link", { name: "accounts", exact: true }).getAttribute("href")).toBe("/ontology/filesource/accounts");
  await expect(page.locator('section[data-system="salesforce"]').getByRole("link", { name: "Opportunity" }).isVisible()).resolves.toBe(true);
  await expect(filesource.locator("tr", { hasText: "accounts" }).first().textContent()).resolves.toContain("system default");
  await screenshot(page, "ontology");

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});

test("edit a mapping: validation errors by line, preview, save with a comment, history and diff", async () => {
  const page = await signedInPage(browser.context, session);
  await page.goto("/ontology");
  await page.locator('section[data-system="filesource"]').getByRole("link", { name: "accounts", exact: true }).click();
  await page.waitForURL("**/ontology/filesource/accounts");

  const editor = page.getByLabel("Mapping YAML");
  await page.getByTestId("field-map").waitFor(WAIT);
  const original = await editor.inputValue();
  const nameLine = original.split("\n").findIndex((l) => l.startsWith("  name: { from: Company Name")) + 1;
  expect(nameLine).toBeGreaterThan(0);

  // break it: an unknown transform on the name line
  await editor.fill(original.replace("name: { from: Company Name, transforms: [trim] }", "name: { from: Company Name, transforms: [trim, shout] }"));
  await page.getByRole("button", { name: "Validate" }).click();
  const issue = page.getByTestId("issues").getByRole("button").first();
  await issue.waitFor(WAIT);
  await expect(issue.textContent()).resolves.toMatch(new RegExp(`^Line ${nameLine}, column \\d+: fields\\.name\\.transforms\\[1\\]: .*shout`));
  await expect(page.getByTestId("verdict").textContent()).resolves.toContain("1 problem");

  // choosing the problem focuses the editor with the caret on its line: what is typed lands there
  await issue.click();
  await page.keyboard.type("#caret");
  const typed = (await editor.inputValue()).split("\n");
  expect(typed.findIndex((l) => l.includes("#caret")) + 1).toBe(nameLine);
  await expect(page.locator(".gutter .marked").textContent()).resolves.toBe(`! ${nameLine}`);
  // Tab indents with spaces inside the editor; Esc then Tab leaves it
  await page.keyboard.press("Tab");
  expect(await editor.inputValue()).toContain("#caret  ");
  await page.keyboard.press("Escape");
  await page.keyboard.press("Tab");
  await page.keyboard.type("gone");
  expect(await editor.inputValue()).not.toContain("gone");

  // fix it (upper-case names) and preview a sample record
  await editor.fill(original.replace("name: { from: Company Name, transforms: [trim] }", "name: { from: Company Name, transforms: [trim, upper] }"));
  await page.getByLabel(/Sample raw records/).fill(JSON.stringify([
    { "Account No": "A-1", "Company Name": "  Acme GmbH ", "Annual Revenue (EUR)": "1.234.567,50", Country: "DE" },
    { "Account No": "A-2", "Company Name": "Beta AG", Employees: "12,5" },
  ]));
  await page.getByRole("button", { name: "Validate" }).click();
  const preview = page.getByTestId("preview");
  await preview.waitFor(WAIT);
  await expect(page.getByTestId("verdict").textContent()).resolves.toContain("valid");
  const first = preview.locator("li").first();
  await expect(first.locator('tr[data-field="name"] td').textContent()).resolves.toBe('"ACME GMBH"');
  await expect(first.locator('tr[data-field="annual_revenue"] td').textContent()).resolves.toBe("1234567.5");
  await expect(first.locator('tr[data-field="billing_country"] td').textContent()).resolves.toBe('"Germany"');
  await expect(first.locator('tr[data-field="source_id"] td').textContent()).resolves.toBe('"A-1"');
  // the second sample's fractional employee count is a data error, reported per field
  await expect(preview.locator(":scope > li").nth(1).textContent()).resolves.toMatch(/would be quarantined.*employee_count ← Employees/s);
  expect(await page.getByTestId("issues").count()).toBe(0);
  await page.evaluate("window.scrollTo(0, 0)");
  await screenshot(page, "ontology-mapping");

  // saving without bumping the version is refused with the API's reason
  const comment = "upper-case company names";
  await page.getByLabel(/^Comment/).fill(comment);
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("error").textContent()).resolves.toMatch(/version 1 must be higher/);

  // the editor offers the bump once the document is edited
  await page.getByRole("button", { name: "Set version to 2" }).click();
  expect(await editor.inputValue()).toMatch(/^version: 2$/m);
  await page.getByRole("button", { name: "Save version" }).click();
  await expect(page.getByTestId("saved").textContent()).resolves.toMatch(/saved\s+v2 is in effect/);

  // the history: the new version first, with its comment, over the system default
  const versions = page.getByTestId("versions");
  const v2 = versions.locator('tr[data-version="2"]');
  await v2.waitFor(WAIT);
  await expect(v2.textContent()).resolves.toMatch(new RegExp(`v2\\s*in effect.*tenant override.*${comment}`, "s"));
  await expect(versions.locator('tr[data-version="system"]').textContent()).resolves.toContain("system default");
  await expect(page.locator(".page-head").textContent()).resolves.toContain("tenant override");

  await page.getByRole("button", { name: "View YAML of v2" }).click();
  await expect(page.getByTestId("version-source").textContent()).resolves.toContain("transforms: [trim, upper]");

  // the diff between the system default and the new version shows the changed lines
  await page.getByRole("button", { name: "Compare" }).click();
  const diff = page.getByTestId("diff");
  await diff.waitFor(WAIT);
  await expect(diff.locator(".removed code").allTextContents()).resolves.toEqual(["-version: 1", "-  name: { from: Company Name, transforms: [trim] }"]);
  await expect(diff.locator(".added code").allTextContents()).resolves.toEqual(["+version: 2", "+  name: { from: Company Name, transforms: [trim, upper] }"]);
  await page.evaluate("window.scrollTo(0, 0)");
  await screenshot(page, "ontology-diff");

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await pageWidth(page)).toBeLessThanOrEqual(390);
});
