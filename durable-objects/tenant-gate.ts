/**
 * TenantGate: one SQLite-backed Durable Object per tenant (and one per anonymous client address), the single
 * serialisation point for that tenant's rate-limit bucket, idempotency records and audit chain.
 */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../workers/env";

export class TenantGate extends DurableObject<Env> {
  override async fetch(request: Request): Promise<Response> {
    if (new URL(request.url).pathname === "/ping") return new Response("pong");
    return new Response("not found", { status: 404 });
  }
}
