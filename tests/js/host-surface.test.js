// The ftHost surface (polyfill/host/surface.js) is what ftHost has: the typings and docs/reference/fthost.md's
// ftHost table are generated from it (scripts/gen-types.mjs, scripts/coverage.mjs).
import { HOST_SURFACE, signature } from '../../polyfill/host/surface.js';
import { freshFt } from '../helpers/node.js';

/** The controls an instance has, `panel.open` for the panel's. @param {any} host */
function controlsOf(host) {
  return Object.keys(host).flatMap((key) => (key === 'panel' ? Object.keys(host.panel).map((k) => `panel.${k}`) : [key])).sort();
}

test('ftHost has exactly the controls of the surface table', async () => {
  const { host } = await freshFt();
  const listed = HOST_SURFACE.map((c) => c.name);
  expect(new Set(listed).size).toBe(listed.length);
  expect(controlsOf(host)).toEqual(listed.slice().sort());
  for (const c of HOST_SURFACE) {
    const value = c.name.includes('.') ? host.panel[c.name.split('.')[1]] : host[c.name];
    // A method has params; a property (ready) has none.
    expect([c.name, typeof value === 'function']).toEqual([c.name, Boolean(c.params)]);
  }
});

test('every control is documented in one line and typed', () => {
  for (const c of HOST_SURFACE) {
    expect([c.name, typeof c.doc === 'string' && c.doc !== '' && !/\n|\||\*\//.test(c.doc)]).toEqual([c.name, true]);
    expect([c.name, typeof c.queued]).toEqual([c.name, 'boolean']);
    expect([c.name, typeof c.returns === 'string' && c.returns !== '']).toEqual([c.name, true]);
    for (const p of c.params || []) expect([c.name, p.name, typeof p.ts]).toEqual([c.name, p.name, 'string']);
  }
  expect(signature(/** @type {any} */ (HOST_SURFACE.find((c) => c.name === 'back')), 'ts')).toBe('back(delta?: number): Promise<FtHostResult>');
  expect(signature(/** @type {any} */ (HOST_SURFACE.find((c) => c.name === 'back')), 'readme')).toBe('back(delta = 1)');
});
