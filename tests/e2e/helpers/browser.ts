/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), one browser per test file, each page in
 * a fresh context. Screenshots go to artifacts/e2e/ (git-ignored), kept as the run's artifacts.
 */
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, type Page, chromium } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS } from "../../../scripts/lib/chromium.mjs";
import type { Session } from "./tenant";
const ARTIFACTS = join(import.meta.dirname, "../../../artifacts/e2e");

/** A persistent context on a fresh profile directory (the flags above apply to it), closed and removed by `close`. */
export async function openBrowser(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "autonomos-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    baseURL: inject("baseUrl"),
    viewport: { width: 1280, height: 860 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page already signed in as `session` (the console keeps its tokens in sessionStorage). */
export async function signedInPage(context: BrowserContext, session: Session): Promise<Page> {
  const page = await context.newPage();
  await page.addInitScript((stored) => sessionStorage.setItem("autonomos.session", stored), JSON.stringify({
    access_token: session.access_token,
    refresh_token: session.refresh_token,
    expires_at: Date.now() + session.expires_in * 1000,
  }));
  return page;
}

/** Saves a full-page screenshot as artifacts/e2e/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
