// A copy of the working tree for the benchmark worker to be built from: in a tree other people edit while a
// benchmark runs, the copy keeps the measured code fixed. node_modules is linked, not copied.
import { cpSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";

const root = new URL("../..", import.meta.url).pathname;
const skipped = new Set(["node_modules", ".git", ".wrangler"]);

/** Copies the project (ignored, generated files included: they are part of the bundle) into `dir`. */
export function snapshotProject(dir) {
  for (const entry of readdirSync(root)) {
    if (!skipped.has(entry)) cpSync(join(root, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"));
}
