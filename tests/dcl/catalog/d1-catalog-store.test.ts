import { env } from "cloudflare:test";
import { describeCatalogStore } from "./catalog-store.contract";

describeCatalogStore("D1", () => ({ env })); // DCL_STORE is "d1" in wrangler.toml
