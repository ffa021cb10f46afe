import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Listens on a random 127.0.0.1 port; returns the endpoint and a stop function. */
export async function listenOnLoopback(server: Server): Promise<{ endpoint: string; stop(): Promise<void> }> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections?.();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
