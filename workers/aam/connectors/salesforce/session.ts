/**
 * Authenticated REST calls to one org. The token is fetched lazily and refreshed exactly once when a call answers
 * INVALID_SESSION_ID (tokens expire by the org's session policy, and have no expiry field to watch). Each response's
 * Sforce-Limit-Info is recorded; once usage reaches the stop ratio no further call is sent, so a sync stops with
 * its cursor intact and resumes when the allocation rolls over.
 */
import { SalesforceError, errorFromResponse } from "./errors";
import { type ApiUsage, parseLimitInfo, usageRatio } from "./limit-info";
import type { SalesforceSettings } from "./settings";
import { type Session, requestToken } from "./token";

export class SalesforceSession {
  private session: Session | undefined;
  /** the latest Sforce-Limit-Info seen; null until the first REST response */
  usage: ApiUsage | null = null;

  constructor(
    readonly settings: SalesforceSettings,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /** A path under /services/data/vXX.X/ (`query?q=…`), or an absolute service path such as a nextRecordsUrl. */
  servicePath(path: string): string {
    return path.startsWith("/services/") ? path : `/services/data/v${this.settings.api_version}/${path}`;
  }

  /** The response for a 2xx or 304; any other status is thrown as a SalesforceError. */
  async request(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Response> {
    this.assertQuotaLeft();
    let response = await this.send(path, init, await this.current());
    if (response.status === 401) {
      const error = await errorFromResponse(response);
      if (error.code !== "INVALID_SESSION_ID") throw error;
      this.session = undefined;
      response = await this.send(path, init, await this.current());
    }
    if (!response.ok && response.status !== 304) throw await errorFromResponse(response);
    return response;
  }

  private assertQuotaLeft(): void {
    const usage = this.usage;
    if (usage !== null && usageRatio(usage) >= this.settings.quota_stop_ratio) {
      const percent = Math.round(this.settings.quota_stop_ratio * 100);
      throw new SalesforceError("quota-reached", "QUOTA_STOP", `${usage.used} of ${usage.limit} daily API calls used: stopped at ${percent}%`, 0);
    }
  }

  private async current(): Promise<Session> {
    this.session ??= await requestToken(this.settings, this.fetcher);
    return this.session;
  }

  private async send(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown }, session: Session): Promise<Response> {
    const headers: Record<string, string> = { Authorization: `Bearer ${session.accessToken}`, Accept: "application/json", ...init.headers };
    if (init.body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await this.fetcher(session.instanceUrl + this.servicePath(path), {
        method: init.method ?? "GET",
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      });
    } catch (error) {
      throw new SalesforceError("unreachable", "CONNECTION_FAILED", `Salesforce is not reachable: ${(error as Error).message}`, 0);
    }
    this.usage = parseLimitInfo(response.headers.get("Sforce-Limit-Info")) ?? this.usage;
    return response;
  }
}
