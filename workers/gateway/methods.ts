/** HTTP methods that change state: the ones body checks, idempotency and the audit log apply to. */
const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isMutating(method: string): boolean {
  return MUTATING_METHODS.has(method);
}
