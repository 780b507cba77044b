// `npm run types`: regenerates worker-configuration.d.ts from wrangler.toml. Wrangler also folds the local
// .dev.vars into the types, which would make the committed file depend on one machine's secrets, so the config
// is read from a scratch folder that has none; secrets are typed by hand in workers/env.ts.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";

const scratch = mkdtempSync(join(tmpdir(), "autonomos-types-"));
try {
  copyFileSync("wrangler.toml", join(scratch, "wrangler.toml"));
  const out = join(process.cwd(), "worker-configuration.d.ts");
  const result = spawnSync("wrangler", ["types", "--config", join(scratch, "wrangler.toml"), "--include-runtime=false", out], {
    stdio: "inherit",
  });
  process.exitCode = result.status ?? 1;
  // Keep the generated header free of the scratch path, so regenerating an unchanged config changes nothing.
  writeFileSync(out, readFileSync(out, "utf8").replaceAll(scratch, ".").replaceAll(out, "worker-configuration.d.ts"));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
