/**
 * The Worker's bindings. `Cloudflare.Env` is generated from wrangler.toml by `npm run types`
 * (worker-configuration.d.ts); secrets are invisible to that generator, so they are declared here.
 */
export interface Secrets {
  /** HS256 signing key for access tokens (>= 32 bytes). `.dev.vars` locally, `wrangler secret put` in production. */
  JWT_SECRET: string;
  /** AES-256-GCM key for secrets at rest: base64 of exactly 32 random bytes. `.dev.vars` locally, `wrangler secret put` in production. */
  ENCRYPTION_KEY: string;
  /** Postgres connection string of the Neon store, required when DCL_STORE = "neon". `wrangler secret put` in production. */
  DATABASE_URL?: string;
  /** host:port of a plain-ws WebSocket→TCP proxy to a local PostgreSQL (tests, local development); unset for Neon. */
  NEON_WS_PROXY?: string;
  /** Enables the matcher's optional Gemini rerank of uncertain fields; unset, matching never leaves the platform. `wrangler secret put`. */
  GEMINI_API_KEY?: string;
  /** The Gemini model for that rerank; unset, the reranker's default Flash model. */
  GEMINI_MODEL?: string;
}

/**
 * Workers AI and Vectorize are bound only in [env.production] (they have no local simulation and would make local
 * start-up need a Cloudflare account), so they are optional (as the generated types already say): without them the
 * matcher runs offline.
 */
export interface OptionalBindings {
  AI?: Ai;
  VECTORIZE?: VectorizeIndex;
}

export type Env = Cloudflare.Env & Secrets & OptionalBindings;
