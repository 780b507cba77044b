/** A TCP port free on the loopback interface right now, for the servers the test setup starts. */
import { createServer } from "node:net";

export const HOST = "127.0.0.1";

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no free TCP port");
  return address.port;
}
