// A free TCP port, for a server that is given its port (a dev server, WebKitWebDriver).
import { createServer } from 'node:net';

/** @returns {Promise<number>} a free TCP port on 127.0.0.1 */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    }).on('error', reject);
  });
}
