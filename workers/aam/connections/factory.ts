/**
 * The Connector behind a connection: one factory per source system. A system without an entry has no connector yet,
 * and asking for one is a 501 `not-implemented` rather than a silent no-op.
 */
import type { SourceSystem } from "../../canonical/names";
import type { Env } from "../../env";
import { ProblemError } from "../../gateway/problem";
import type { ConnectionRow } from "../../platform/db/schema";
import type { Connector } from "../connectors/connector";
import { FileSource } from "../connectors/filesource";

type ConnectorFactory = (connection: ConnectionRow, env: Env) => Connector | Promise<Connector>;

const connectorFactories: Partial<Record<SourceSystem, ConnectorFactory>> = {
  filesource: (connection, env) => new FileSource(env.FILES, connection.config),
};

export async function connectorFor(connection: ConnectionRow, env: Env): Promise<Connector> {
  const factory = connectorFactories[connection.system];
  if (factory === undefined) {
    throw new ProblemError("not-implemented", `There is no ${connection.system} connector yet`);
  }
  return factory(connection, env);
}
