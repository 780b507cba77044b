/// <reference types="vite/types/import-meta.d.ts" />
/**
 * Every demo export (scripts/demo/<system>/<file>) goes through the real upload path the way `npm start` seeds it,
 * without an entity: its name alone must find its mapping, and each file's rows end up as events or quarantined
 * with the reason its mess deserves.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { UploadAcceptedSchema } from "../../../workers/gateway/routes/aam/connections/files";
import { EventPageSchema } from "../../../workers/gateway/routes/aam/events/list";
import { QuarantinePageSchema } from "../../../workers/gateway/routes/aam/quarantine/list";
import { RunSchema } from "../../../workers/gateway/routes/aam/runs/schemas";
import { type SignedUp, bearer, signUp } from "../../helpers/auth";
import { CONNECTIONS, createConnection } from "../../helpers/connections";
import { call } from "../../helpers/http";
import { captureQueues, queueDrainer } from "../../helpers/pipeline";

const onDisk = import.meta.glob("../../../scripts/demo/*/*", { query: "?raw", import: "default", eager: true });
const seedScript = Object.values(import.meta.glob("../../../scripts/seed-demo.mjs", { query: "?raw", import: "default", eager: true }))[0] as string;
const demoFiles = Object.entries(onDisk).map(([path, text]) => ({ path: path.replace(/^(\.\.\/)+scripts\/demo\//, ""), text: text as string }));

const expected: Record<string, { mapping: string; entity: string; read: number; emitted: number; quarantined: Record<string, RegExp> }> = {
  "legacy-crm/accounts.csv": { mapping: "accounts", entity: "account", read: 8, emitted: 6, quarantined: { "K-1007": /annual_revenue/, "K-1008": /created_at/ } },
  "legacy-crm/deals.csv": { mapping: "deals", entity: "opportunity", read: 7, emitted: 6, quarantined: { "D-506": /status/ } },
  "legacy-crm/contacts.csv": { mapping: "contacts", entity: "contact", read: 6, emitted: 5, quarantined: { "C-6": /created_at/ } },
  "hubspot/hubspot-companies.csv": { mapping: "hubspot-companies", entity: "account", read: 7, emitted: 6, quarantined: { "9006": /name/ } },
  "hubspot/hubspot-deals.tsv": { mapping: "hubspot-deals", entity: "opportunity", read: 7, emitted: 6, quarantined: { "7005": /amount/ } },
  "hubspot/hubspot-contacts.csv": { mapping: "hubspot-contacts", entity: "contact", read: 6, emitted: 5, quarantined: { "5004": /email/ } },
  "cloud-costs/focus-2024-09.csv": { mapping: "focus-costs", entity: "cost", read: 20, emitted: 20, quarantined: {} },
};

let owner: SignedUp;
let drainQueues: () => Promise<void>;
beforeAll(async () => {
  owner = await signUp();
  drainQueues = queueDrainer(captureQueues());
});
afterAll(() => vi.restoreAllMocks());

const getJson = async (path: string) => (await call(path, { headers: bearer(owner.accessToken) })).json();

describe("the demo exports", () => {
  it("are the files the seed script uploads, and each has its expectations here", () => {
    expect(demoFiles.map((f) => f.path).sort()).toEqual(Object.keys(expected).sort());
    for (const { path } of demoFiles) {
      const [folder, name] = path.split("/");
      // Each file is listed under its folder's connection: after `folder: "<folder>"` and before the next folder.
      const section = seedScript.split(`folder: "${folder}"`)[1]?.split("folder:")[0];
      expect(section).toContain(`{ name: "${name}"`);
    }
  });

  it("include the mess they are meant to show: a BOM, a tab-separated file, a note over several lines", () => {
    const text = (path: string) => demoFiles.find((f) => f.path === path)!.text;
    expect(text("hubspot/hubspot-contacts.csv").startsWith("\uFEFF")).toBe(true);
    expect(text("hubspot/hubspot-deals.tsv").split("\n")[0]).toContain("\tDeal Stage\t");
    expect(text("hubspot/hubspot-contacts.csv")).toMatch(/"Met at Hannover Messe\.\n/);
  });

  it.each(Object.keys(expected))("%s maps by its name alone: its run's counts, events and quarantine", async (path) => {
    const want = expected[path]!;
    const { text } = demoFiles.find((f) => f.path === path)!;
    const name = path.split("/")[1]!;
    const connection = await createConnection(owner.accessToken, { config: {} });
    const res = await call(`${CONNECTIONS}/${connection.id}/files?name=${name}`, {
      body: new TextEncoder().encode(text),
      headers: { ...bearer(owner.accessToken), "content-type": name.endsWith(".tsv") ? "text/tab-separated-values" : "text/csv" },
    });
    expect(res.status, await res.clone().text()).toBe(202);
    const { run_id } = UploadAcceptedSchema.parse(await res.json());
    await drainQueues();

    const run = RunSchema.parse(await getJson(`/api/v1/aam/runs/${run_id}`));
    const quarantinedCount = Object.keys(want.quarantined).length;
    expect(run).toMatchObject({ status: "succeeded", counts: { read: want.read, emitted: want.emitted, quarantined: quarantinedCount, duplicates: 0 } });
    const events = EventPageSchema.parse(await getJson(`/api/v1/aam/events?connection_id=${connection.id}&limit=100`)).items;
    expect(events).toHaveLength(want.emitted);
    for (const event of events) {
      expect(event.entity).toBe(want.entity);
      expect(event.meta.mapping_version).toMatch(new RegExp(`^filesource/${want.mapping}@\\d+#`));
    }
    const open = QuarantinePageSchema.parse(await getJson(`/api/v1/aam/quarantine?status=open&connection_id=${connection.id}`)).items;
    expect(Object.fromEntries(open.map((q) => [q.record_id, q.reason]))).toEqual(
      Object.fromEntries(Object.entries(want.quarantined).map(([id, reason]) => [id, expect.stringMatching(reason)])),
    );
  });

  it("share companies across the two systems: the same domain under a slightly different name", async () => {
    const accounts = EventPageSchema.parse(await getJson("/api/v1/aam/events?entity=account&limit=100")).items;
    const domain = (website: string) => website.replace(/^www\./, "");
    const byDomain = new Map<string, Set<string>>();
    for (const event of accounts) {
      const data = event.data as { website: string | null; name: string };
      if (data.website === null) continue;
      byDomain.set(domain(data.website), (byDomain.get(domain(data.website)) ?? new Set()).add(`${event.meta.mapping_version.split("@")[0]}: ${data.name}`));
    }
    const shared = [...byDomain.entries()].filter(([, names]) => names.size > 1).map(([d, names]) => [d, [...names].sort()]);
    // Brightwater is in both exports too, but the legacy row is quarantined (its revenue reads "unknown").
    expect(shared).toEqual([
      ["mueller-maschinenbau.example", ["filesource/accounts: Müller Maschinenbau GmbH", "filesource/hubspot-companies: Mueller Maschinenbau"]],
      ["alpenblick.example", ["filesource/accounts: Alpenblick Hotels AG", "filesource/hubspot-companies: Alpenblick Hotels"]],
    ]);
  });
});
