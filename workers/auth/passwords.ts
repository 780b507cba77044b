/** Password hashing with Argon2id (hash-wasm), stored as PHC strings (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
import { argon2id, argon2Verify } from "hash-wasm";
import { installPrecompiledHashWasm } from "./argon2/precompiled";

installPrecompiledHashWasm();

/** OWASP Password Storage Cheat Sheet, Argon2id minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const PARAMS = { memorySize: 19_456, iterations: 2, parallelism: 1, hashLength: 32 } as const;
const SALT_BYTES = 16;

/**
 * A well-formed hash with the current parameters that no password matches (its salt and digest are arbitrary).
 * Verifying against it costs what verifying a real user's password does, so an unknown email takes as long to
 * reject as a wrong password and sign-in timing does not reveal which emails have accounts.
 */
const DUMMY_HASH =
  `$argon2id$v=19$m=${PARAMS.memorySize},t=${PARAMS.iterations},p=${PARAMS.parallelism}` +
  "$ZHVtbXlzYWx0ZHVtbXlzYQ$ZHVtbXloYXNoZHVtbXloYXNoZHVtbXloYXNoZHVtbXk";

export function hashPassword(password: string): Promise<string> {
  return argon2id({ ...PARAMS, password, salt: crypto.getRandomValues(new Uint8Array(SALT_BYTES)), outputType: "encoded" });
}

/**
 * Checks a password against a stored hash; with no stored hash (unknown account) it does the same work against
 * DUMMY_HASH and answers false. (hash-wasm compares the digests with `===`; that leaks nothing useful, since an
 * attacker cannot choose the digest a guess produces.)
 */
export async function verifyPassword(password: string, hash: string | undefined): Promise<boolean> {
  const matches = await argon2Verify({ password, hash: hash ?? DUMMY_HASH });
  return matches && hash !== undefined;
}
