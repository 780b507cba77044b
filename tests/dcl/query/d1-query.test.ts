import { env } from "cloudflare:test";
import { describeQueryStore } from "./query-store.contract";

describeQueryStore("D1", () => ({ env })); // DCL_STORE is "d1" in wrangler.toml
