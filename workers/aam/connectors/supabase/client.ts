/**
 * A typed fetch client for a Supabase project's REST API (PostgREST at `<url>/rest/v1`): the key's headers and
 * the schema's profile headers on every request (none is sent with a key that cannot read the rows), bodies
 * parsed with bigints kept exact (exact-json.ts), error bodies turned into source problems (errors.ts), and each
 * success body checked against the shape the caller expects, so a URL that is not a Supabase project fails clearly.
 */
import type { z } from "@hono/zod-openapi";
import { sourceProblem } from "../source-state";
import { apiKeyHeaders, requireServerKey } from "./api-key";
import { supabaseProblem, unreachableProblem } from "./errors";
import { parseExactJson } from "./exact-json";

export interface ClientOptions {
  url: string;
  api_key: string;
  schema?: string;
}

export interface PostgrestRequest {
  method?: "GET" | "PATCH";
  query?: URLSearchParams;
  accept?: string;
  body?: unknown;
  prefer?: string;
}

export type Fetcher = (request: Request) => Promise<Response>;

export class PostgrestClient {
  private readonly base: string;

  constructor(
    private readonly options: ClientOptions,
    private readonly fetcher: Fetcher = (request) => fetch(request),
  ) {
    this.base = `${options.url.replace(/\/+$/, "")}/rest/v1`;
  }

  async request<T>(path: string, schema: z.ZodType<T>, init: PostgrestRequest = {}): Promise<T> {
    requireServerKey(this.options.api_key);
    const url = `${this.base}/${path}${init.query === undefined ? "" : `?${init.query}`}`;
    const method = init.method ?? "GET";
    const headers: Record<string, string> = { ...apiKeyHeaders(this.options.api_key), accept: init.accept ?? "application/json" };
    // PostgREST picks a non-default schema from Accept-Profile on reads and Content-Profile on writes
    if (this.options.schema !== undefined) headers[method === "GET" ? "accept-profile" : "content-profile"] = this.options.schema;
    if (init.prefer !== undefined) headers.prefer = init.prefer;
    if (init.body !== undefined) headers["content-type"] = "application/json";
    const body = init.body === undefined ? undefined : JSON.stringify(init.body);
    let response: Response;
    try {
      response = await this.fetcher(new Request(url, { method, headers, body }));
    } catch (error) {
      throw unreachableProblem(error);
    }
    const json = parseExactJson(await response.text().catch(() => ""));
    if (!response.ok) throw supabaseProblem(response.status, json, response.headers.get("retry-after"));
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw sourceProblem("unreachable", `Supabase unreachable: ${this.options.url} does not answer like a Supabase project's REST API (${path || "/"})`);
    }
    return parsed.data;
  }
}
