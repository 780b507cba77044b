/** Types of the plain-JavaScript stand-ins in worker.js, for the tests that call them through their bindings. */
import { WorkerEntrypoint } from "cloudflare:workers";

export declare class FakeAi extends WorkerEntrypoint {
  run(model: string, inputs: { text: string | string[] }): Promise<unknown>;
  batchSizes(prefix: string): number[];
}

export declare class FakeVectorize extends WorkerEntrypoint {
  upsert(vectors: VectorizeVector[]): Promise<VectorizeAsyncMutation>;
  query(vector: number[], options?: VectorizeQueryOptions): Promise<VectorizeMatches>;
}

export declare class FakeGemini extends WorkerEntrypoint {
  fetch(request: Request): Promise<Response>;
  /** `body`: the request body as sent (JSON text) */
  requestsWithKey(apiKey: string): { path: string; body: string }[];
}
