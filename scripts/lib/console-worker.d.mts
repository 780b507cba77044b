import type { startWorker } from "./local-worker.mjs";

export function startConsoleWorker(options: { port: number; scratch: string }): ReturnType<typeof startWorker>;
