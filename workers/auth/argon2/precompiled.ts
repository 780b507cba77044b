/**
 * Lets hash-wasm run on workerd. hash-wasm compiles its embedded WebAssembly at run time with
 * `WebAssembly.compile(bytes)`, which workerd refuses ("Wasm code generation disallowed by embedder"); a Worker may
 * only run WebAssembly that it imports statically, which the bundler precompiles. scripts/extract-hash-wasm.mjs
 * (postinstall) extracts hash-wasm's Argon2 and BLAKE2b binaries into ./generated; this shim makes
 * `WebAssembly.compile` answer with the precompiled module when, and only when, it is given exactly those bytes
 * (matched by SHA-256), and leaves every other call to the original.
 */
import argon2 from "./generated/argon2.wasm";
import blake2b from "./generated/blake2b.wasm";
import manifest from "./generated/manifest.json";
import { sha256Hex } from "../../platform/crypto";

const precompiled: Record<string, WebAssembly.Module> = { argon2, blake2b };
const modulesByDigest = new Map(Object.entries(manifest).map(([digest, name]) => [digest, precompiled[name]]));

/** The Workers types leave `compile` out because workerd refuses it; hash-wasm still calls it. */
const wasm = WebAssembly as typeof WebAssembly & { compile(bytes: BufferSource): Promise<WebAssembly.Module> };

let installed = false;

/** Installs the shim once; call it before hash-wasm is first used. */
export function installPrecompiledHashWasm(): void {
  if (installed) return;
  installed = true;
  const compile = wasm.compile.bind(wasm);
  wasm.compile = async (bytes: BufferSource) => {
    const module = modulesByDigest.get(await sha256Hex(toBytes(bytes)));
    return module ?? compile(bytes);
  };
}

function toBytes(source: BufferSource): Uint8Array {
  return ArrayBuffer.isView(source)
    ? new Uint8Array(source.buffer, source.byteOffset, source.byteLength)
    : new Uint8Array(source);
}
