import type { ChildProcess } from "node:child_process";

export function applyMigrations(options?: { persistTo?: string; quiet?: boolean; cwd?: string }): void;
export function startWorker(options: {
  port: number;
  persistTo?: string;
  script?: string;
  assets?: string;
  vars?: Record<string, string>;
  quiet?: boolean;
  cwd?: string;
}): Promise<{ url: string; child: ChildProcess; stop: () => void }>;
