/**
 * A connection's credentials at rest: one JSON object, sealed with AES-GCM and bound to the owning tenant and
 * connection, so a ciphertext copied onto another tenant's (or connection's) row does not open there.
 */
import type { Env } from "../../env";
import { decryptSecret, encryptSecret } from "../../platform/encryption";
import { type ConnectionSecrets, ConnectionSecretsSchema } from "./schemas";

type SecretsEnv = Pick<Env, "ENCRYPTION_KEY">;

interface Owner {
  tenantId: string;
  connectionId: string;
}

const context = ({ tenantId, connectionId }: Owner) => `connection-secrets:${tenantId}:${connectionId}`;

export function sealConnectionSecrets(env: SecretsEnv, owner: Owner, secrets: ConnectionSecrets): Promise<string> {
  return encryptSecret(env, JSON.stringify(secrets), context(owner));
}

/** The connection's secrets; null when it has none. Throws DecryptionError when the ciphertext does not open here. */
export async function openConnectionSecrets(
  env: SecretsEnv,
  connection: { tenantId: string; id: string; secretsCiphertext: string | null },
): Promise<ConnectionSecrets | null> {
  if (connection.secretsCiphertext === null) return null;
  const plain = await decryptSecret(env, connection.secretsCiphertext, context({ tenantId: connection.tenantId, connectionId: connection.id }));
  return ConnectionSecretsSchema.parse(JSON.parse(plain));
}
