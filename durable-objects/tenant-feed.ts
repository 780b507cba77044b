/** TenantFeed: the per-tenant WebSocket fan-out behind /dcl and /live-flow (built with the DCL live feeds). */
import { DurableObject } from "cloudflare:workers";
import type { Env } from "../workers/env";

export class TenantFeed extends DurableObject<Env> {}
