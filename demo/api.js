// The demo server's JSON API (what the demo pages call with ft.request).

/** @returns {Record<string, import('../bin/server.js').RouteHandler>} */
export function demoRoutes() {
  return {
    '/api/products': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({
        products: [
          { id: 1, name: 'Jasmine tea', price: 38 },
          { id: 2, name: 'Mooncake box', price: 128 },
          { id: 3, name: 'Silk scarf', price: 260 },
        ],
      }));
    },
  };
}
