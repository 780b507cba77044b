/** What several tests do on the AAM Monitor page, through its UI: create a file connection, upload a file to it. */
import type { Page } from "playwright-core";
import { expect } from "vitest";
import { PIPELINE } from "./pipeline";

export async function createFileConnectionInUi(page: Page, name: string) {
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Create file connection" }).click();
  await page.getByRole("heading", { name, level: 3 }).waitFor();
}

/** Uploads a CSV through the connection's upload control and waits until `runs` runs have succeeded. */
export async function uploadCsvInUi(page: Page, name: string, lines: string[], runs: number) {
  await page.getByLabel("File (CSV, TSV or NDJSON)").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(lines.join("\n")) });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(page.getByTestId("upload-accepted").textContent()).resolves.toContain(`Uploaded ${name}`);
  await page.locator(`[data-testid="run"][data-status="succeeded"] >> nth=${runs - 1}`).waitFor(PIPELINE);
}
