/**
 * The Connector behind a connection: one factory per source system, each given the connection's stored config and
 * its opened secrets (which stay inside the connector: never logged, never part of a problem or a response).
 */
import type { SourceSystem } from "../../canonical/names";
import type { Env } from "../../env";
import type { ConnectionRow } from "../../platform/db/schema";
import type { Connector } from "../connectors/connector";
import { FileSource } from "../connectors/filesource";
import { MongoDb } from "../connectors/mongodb";
import { Salesforce } from "../connectors/salesforce";
import { mongoConnection } from "../../../durable-objects/mongo-connection";
import { Supabase } from "../connectors/supabase";
import { openConnectionSecrets } from "./secrets";

type ConnectorFactory = (connection: ConnectionRow, env: Env) => Connector | Promise<Connector>;

const connectorFactories: Record<SourceSystem, ConnectorFactory> = {
  filesource: (connection, env) => new FileSource(env.FILES, connection.config),
  mongodb: async (connection, env) =>
    new MongoDb(mongoConnection(env, connection.id), connection.config, await openConnectionSecrets(env, connection)),
  salesforce: async (connection, env) => new Salesforce(connection.config, await openConnectionSecrets(env, connection)),
  supabase: async (connection, env) => new Supabase(connection.config, await openConnectionSecrets(env, connection)),
};

export async function connectorFor(connection: ConnectionRow, env: Env): Promise<Connector> {
  return connectorFactories[connection.system](connection, env);
}
