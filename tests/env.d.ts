import type { Secrets } from "../workers/env";

declare global {
  namespace Cloudflare {
    interface GlobalProps {
      mainModule: typeof import("../workers/index");
    }
    interface Env extends Secrets {
      TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
      /** stand-ins for Workers AI, Vectorize and the Gemini API (tests/fakes/cloudflare/worker.js) */
      FAKE_AI: Service<import("./fakes/cloudflare/worker").FakeAi>;
      FAKE_VECTORIZE: Service<import("./fakes/cloudflare/worker").FakeVectorize>;
      FAKE_GEMINI: Service<import("./fakes/cloudflare/worker").FakeGemini>;
    }
  }
}
