// Home, register, sign out, sign in, and the guard on tenant pages, through the UI.
import { randomUUID } from "node:crypto";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { openBrowser, screenshot } from "./helpers/browser";
import { PASSWORD } from "./helpers/tenant";

let browser: { context: BrowserContext; close: () => Promise<void> };
beforeAll(async () => {
  browser = await openBrowser();
});
afterAll(() => browser.close());

test("home explains the product and offers register and sign in", async () => {
  const page = await browser.context.newPage();
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("One live, queryable view");
  expect(await page.locator("details.faq").count()).toBeGreaterThanOrEqual(5);
  await page.getByText("What if a source changes its fields?").click();
  await expect(page.getByText("The schema observer notices").isVisible()).resolves.toBe(true);
  expect(await page.getByRole("link", { name: "Create a tenant" }).getAttribute("href")).toBe("/register");
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, "home");
});

test("register creates a tenant and signs in; sign out and sign in again", async () => {
  const page = await browser.context.newPage();
  const email = `ui-${randomUUID()}@example.com`;
  await page.goto("/register");
  await page.getByLabel("Company or team name").fill("Register UI Co");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel(/Password/).fill(PASSWORD);
  await page.getByRole("button", { name: "Create tenant" }).click();
  await page.waitForURL("**/monitor");
  await expect(page.getByTestId("tenant-name").textContent()).resolves.toBe("Register UI Co");
  await screenshot(page, "register-done");

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/");
  await page.goto("/query");
  await page.waitForURL("**/signin?next=%2Fquery");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL("**/query");
  await expect(page.getByTestId("tenant-name").textContent()).resolves.toBe("Register UI Co");
});

test("bad input shows the API's per-field messages and a wrong password its problem", async () => {
  const page = await browser.context.newPage();
  await page.goto("/register");
  await page.getByLabel("Company or team name").fill("Short Password Co");
  await page.getByLabel("Email").fill("not-an-email");
  await page.getByLabel(/Password/).fill("short");
  await page.getByRole("button", { name: "Create tenant" }).click();
  await expect(page.locator(".field-error").first().textContent()).resolves.toMatch(/valid email|at least 12/);
  expect(await page.locator(".field-error").count()).toBe(2);
  await screenshot(page, "register-errors");

  await page.goto("/signin");
  await page.getByLabel("Email").fill(`nobody-${randomUUID()}@example.com`);
  await page.getByLabel("Password").fill("wrong password for sure");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("error").textContent()).resolves.toContain("The credentials are not valid");
  expect(new URL(page.url()).pathname).toBe("/signin");
});
