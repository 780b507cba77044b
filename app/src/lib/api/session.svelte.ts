/**
 * The signed-in session. Tokens live in sessionStorage: they survive a reload but not the tab, and no other site
 * can read them. The access token is refreshed shortly before it expires, or once when the API answers 401;
 * refresh tokens are single-use, so concurrent callers share one refresh.
 */
import type { z } from "zod";
import type { TokenPairSchema } from "$workers/auth/sessions";
import type { MeSchema } from "$workers/gateway/routes/auth/me";

type TokenPair = z.infer<typeof TokenPairSchema>;
export type Me = z.infer<typeof MeSchema>;
interface StoredTokens {
  access_token: string;
  refresh_token: string;
  /** ms since epoch */
  expires_at: number;
}

const KEY = "autonomos.session";
/** Refresh this long before the access token expires, so a request in flight never carries an expired one. */
const REFRESH_MARGIN_MS = 60_000;

function load(): StoredTokens | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw === null ? null : (JSON.parse(raw) as StoredTokens);
  } catch {
    return null;
  }
}

class Session {
  tokens = $state<StoredTokens | null>(load());
  me = $state<Me | null>(null);
  #refreshing: Promise<boolean> | null = null;

  get signedIn(): boolean {
    return this.tokens !== null;
  }

  /** Stores a token pair from login, register or refresh. */
  accept(pair: TokenPair): void {
    this.tokens = { access_token: pair.access_token, refresh_token: pair.refresh_token, expires_at: Date.now() + pair.expires_in * 1000 };
    sessionStorage.setItem(KEY, JSON.stringify(this.tokens));
  }

  clear(): void {
    this.tokens = null;
    this.me = null;
    sessionStorage.removeItem(KEY);
  }

  /** A usable access token, refreshed first when it is about to expire; null when signed out. */
  async accessToken(): Promise<string | null> {
    if (this.tokens === null) return null;
    if (this.tokens.expires_at - Date.now() < REFRESH_MARGIN_MS) await this.refresh();
    return this.tokens?.access_token ?? null;
  }

  /** Exchanges the refresh token; on failure the session ends. Returns whether a new token is in hand. */
  refresh(): Promise<boolean> {
    this.#refreshing ??= this.#exchange().finally(() => {
      this.#refreshing = null;
    });
    return this.#refreshing;
  }

  async #exchange(): Promise<boolean> {
    const refreshToken = this.tokens?.refresh_token;
    if (refreshToken === undefined) return false;
    const res = await fetch("/api/v1/auth/refresh", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ refresh_token: refreshToken }),
    });
    if (res.status !== 200) {
      this.clear();
      return false;
    }
    this.accept((await res.json()) as TokenPair);
    return true;
  }
}

export const session = new Session();
