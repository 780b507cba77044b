/**
 * The `mongodb` driver as one CommonJS file, for the tests only. @cloudflare/vitest-plugin loads a dependency's
 * `require()`s through its module fallback, which tries a bare specifier as a path beside the requiring file
 * first: the driver's `lib/bson.js` requires "bson" and gets itself back, and the first import recurses until the
 * stack overflows ("Maximum call stack size exceeded" in `get BSON`). Bundling resolves "bson" the Node way once,
 * so the fallback only sees Node built-ins (served by `nodejs_compat`). Deployed Workers need none of this:
 * Wrangler bundles the driver with the same esbuild. The entry names every export, so esbuild annotates them and
 * the plugin's CommonJS shim can offer them as named imports.
 */
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { build } from "esbuild";

const require = createRequire(import.meta.url);

/** The bundle's path, built once per driver version (parallel runs race to the same complete file). */
export async function bundleMongoDbDriver(root: string): Promise<string> {
  const { version } = require("mongodb/package.json") as { version: string };
  const dir = join(root, "node_modules", ".cache", "mongodb-workerd");
  const bundle = join(dir, `mongodb-${version}.cjs`);
  if (existsSync(bundle)) return bundle;
  mkdirSync(dir, { recursive: true });
  const names = Object.keys(require("mongodb") as object).filter((name) => name !== "__esModule");
  const partial = `${bundle}.${process.pid}`;
  await build({
    stdin: { contents: `export { ${names.join(", ")} } from "mongodb";`, resolveDir: root, loader: "js" },
    bundle: true,
    platform: "node",
    format: "cjs",
    outfile: partial,
    logLevel: "error",
  });
  renameSync(partial, bundle);
  return bundle;
}
