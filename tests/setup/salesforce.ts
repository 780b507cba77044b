/**
 * vitest globalSetup: the fake Salesforce (tests/fakes/salesforce) on a port the OS picks, so parallel runs never
 * collide; tests reach it from workerd at `inject("salesforce").url`.
 */
import type { TestProject } from "vitest/node";
import { startFakeSalesforce } from "../fakes/salesforce/server";

declare module "vitest" {
  export interface ProvidedContext {
    salesforce: { url: string };
  }
}

export default async function startSalesforce(project: TestProject): Promise<() => Promise<void>> {
  const fake = await startFakeSalesforce();
  project.provide("salesforce", { url: fake.url });
  return fake.close;
}
