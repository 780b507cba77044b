import { env } from "cloudflare:test";
import { describeViewStore } from "./view-store.contract";

describeViewStore("D1", () => ({ env })); // DCL_STORE is "d1" in wrangler.toml
