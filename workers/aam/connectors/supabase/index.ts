/**
 * Supabase: a project's tables through its REST API (PostgREST). Reads are incremental by each table's
 * (updated_at, id) — both configurable — so a sync resumes exactly after the last row it handed out; discovery
 * comes from PostgREST's OpenAPI description; write-back updates rows by id. The key must be a server key (secret
 * or service_role): row-level security shows the anon key nothing.
 */
import type { Connector, DiscoveredObject, HealthCheck, ReadPage, WriteChange, WriteResult } from "../connector";
import { checkSource } from "../health-check";
import { type Fetcher, PostgrestClient } from "./client";
import { DEFAULT_PAGE_SIZE, type SupabaseSettings, supabaseSettings } from "./config";
import { decodeCursor } from "./cursor";
import { existingIds } from "./existing-ids";
import { OpenApiSchema, discoverTables } from "./discover";
import { readTablePage } from "./read-page";
import { writeRow } from "./write-row";

export class Supabase implements Connector {
  readonly system = "supabase" as const;
  private readonly settings: SupabaseSettings;
  private readonly client: PostgrestClient;

  /** `config` is the connection's stored config and `secrets` its opened secrets; both are validated here. */
  constructor(config: unknown, secrets: unknown, fetcher?: Fetcher) {
    this.settings = supabaseSettings(config, secrets);
    this.client = new PostgrestClient(this.settings, fetcher);
  }

  /** The OpenAPI description is the cheapest request that needs a valid key and a reachable database. */
  check(): Promise<HealthCheck> {
    return checkSource(async () => {
      const openapi = await this.client.request("", OpenApiSchema, { accept: "application/openapi+json" });
      return `${Object.keys(openapi.definitions ?? {}).length} tables visible`;
    });
  }

  discover(): Promise<DiscoveredObject[]> {
    return discoverTables(this.client, this.settings.tables);
  }

  // async: a bad cursor rejects like every other failure of a read rather than throwing synchronously
  async read(object: string, cursor: string | null): Promise<ReadPage> {
    return readTablePage(this.client, {
      table: object,
      after: cursor === null ? null : decodeCursor(cursor),
      pageSize: this.settings.page_size ?? DEFAULT_PAGE_SIZE,
      columns: { cursor: this.settings.cursor_column ?? "updated_at", id: this.idColumn },
    });
  }

  write(change: WriteChange): Promise<WriteResult> {
    return writeRow(this.client, change, this.idColumn);
  }

  existing(object: string, recordIds: string[]): Promise<Set<string>> {
    return existingIds(this.client, object, this.idColumn, recordIds);
  }

  private get idColumn(): string {
    return this.settings.id_column ?? "id";
  }
}
