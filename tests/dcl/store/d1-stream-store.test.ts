import { env } from "cloudflare:test";
import { streamStoreFor } from "../../../workers/dcl/store/for-env";
import { newTenant } from "../../helpers/pipeline";
import { describeStreamStore } from "./stream-store.contract";

describeStreamStore("D1", () => ({
  store: streamStoreFor(env), // DCL_STORE is "d1" in wrangler.toml
  // canonical_events.tenant_id references tenants in D1
  newTenant: async () => (await newTenant()).tenantId,
}));
