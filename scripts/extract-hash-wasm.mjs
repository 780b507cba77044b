#!/usr/bin/env node
/**
 * Extracts hash-wasm's Argon2 and BLAKE2b WebAssembly binaries into workers/auth/argon2/generated/ (run by
 * `postinstall`; idempotent). hash-wasm embeds them as base64 and compiles them at run time, which workerd forbids;
 * a Worker may only use WebAssembly it imports statically, so the shim in workers/auth/argon2/precompiled.ts
 * imports these files and hands the precompiled modules to hash-wasm. The manifest lets the shim recognise the
 * exact bytes hash-wasm asks to compile (by SHA-256), so a hash-wasm upgrade can never be served a stale binary.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const WANTED = ["argon2", "blake2b"];
const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "workers/auth/argon2/generated");

const require = createRequire(join(root, "package.json"));
const bundle = readFileSync(join(dirname(require.resolve("hash-wasm/package.json")), "dist/index.esm.js"), "utf8");
const embedded = new Map(
  Array.from(bundle.matchAll(/var name\$(\w+) = "(\w+)";\s*var data\$\1 = "([^"]+)"/g), ([, , name, data]) => [name, data]),
);

const manifest = {};
mkdirSync(outDir, { recursive: true });
for (const name of WANTED) {
  const data = embedded.get(name);
  if (data === undefined) {
    console.error(`extract-hash-wasm: no embedded "${name}" binary in hash-wasm's dist/index.esm.js (did its layout change?)`);
    process.exit(1);
  }
  const bytes = Buffer.from(data, "base64");
  writeIfChanged(join(outDir, `${name}.wasm`), bytes);
  manifest[createHash("sha256").update(bytes).digest("hex")] = name;
}
writeIfChanged(join(outDir, "manifest.json"), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
console.log(`extract-hash-wasm: ${WANTED.join(", ")} → ${outDir}`);

function writeIfChanged(path, bytes) {
  let current;
  try {
    current = readFileSync(path);
  } catch {
    current = undefined;
  }
  if (current === undefined || !current.equals(bytes)) writeFileSync(path, bytes);
}
