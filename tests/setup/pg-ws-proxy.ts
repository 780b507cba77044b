/**
 * The WebSocket→TCP proxy @neondatabase/serverless needs to reach a plain PostgreSQL (Neon runs one in front of
 * every database): each WebSocket at /v1?address=host:port becomes one TCP connection, bytes passed both ways.
 * It forwards only to the one server it was started for, so it is no open relay.
 */
import { once } from "node:events";
import { createRequire } from "node:module";
import { createConnection } from "node:net";

// Node's resolution, not Vite's: the Workers plugin resolves with the "browser" condition, which maps `ws` to a
// stub that throws.
const { WebSocketServer } = createRequire(import.meta.url)("ws") as typeof import("ws");

export interface WsProxy {
  port: number;
  close(): Promise<void>;
}

export async function startWsProxy(target: { host: string; port: number }): Promise<WsProxy> {
  const server = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await once(server, "listening");
  server.on("connection", (ws, request) => {
    const address = new URL(request.url ?? "/", "http://proxy").searchParams.get("address");
    if (address !== `${target.host}:${target.port}`) {
      ws.close(1008, `this proxy only forwards to ${target.host}:${target.port}`);
      return;
    }
    const socket = createConnection(target.port, target.host); // writes before it connects are buffered
    ws.on("message", (data: Buffer) => socket.write(data));
    socket.on("data", (chunk) => ws.send(chunk));
    ws.on("close", () => socket.end());
    socket.on("close", () => ws.close());
    ws.on("error", () => socket.destroy());
    socket.on("error", () => ws.terminate());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the WebSocket proxy has no TCP port");
  return {
    port: address.port,
    close: async () => {
      for (const client of server.clients) client.terminate();
      await new Promise<void>((resolve, reject) => server.close((err) => (err === undefined ? resolve() : reject(err))));
    },
  };
}
