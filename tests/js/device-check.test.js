// The device check's reporting (polyfill/device-check.js, behaviour.md §1.15): the call site
// found in each engine's stack format, one console line per kind and call site, the list
// ftHost.warnings() gives, and the testing kit's failure text. Which rules report a check is
// tested with each rule (the engine cases of its concern).
import { jest } from '@jest/globals';
import { callSite, DeviceChecks, WARNINGS_LIMIT } from '../../polyfill/device-check.js';
import kit from '../../testing/index.cjs';
import { polyfill } from '../helpers/node.js';

describe('callSite', () => {
  const own = 'http://127.0.0.1:5000/ft-polyfill.js';
  test('V8: the first frame outside the polyfill\'s file', () => {
    const stack = [
      'Error',
      `    at DeviceChecks.report (${own}:1:200)`,
      `    at ftApi (${own}:1:900)`,
      '    at new Promise (<anonymous>)',
      '    at save (http://127.0.0.1:5000/app.js:12:7)',
      '    at http://127.0.0.1:5000/app.js:30:1',
    ].join('\n');
    expect(callSite(stack, own)).toBe('http://127.0.0.1:5000/app.js:12:7');
  });
  test('Firefox and WebKit (name@file:line:column)', () => {
    const stack = [`report@${own}:1:200`, `ftApi@${own}:1:900`, '@http://127.0.0.1:5000/page.html:8:12', ''].join('\n');
    expect(callSite(stack, own)).toBe('http://127.0.0.1:5000/page.html:8:12');
  });
  test('Node (paths and file: urls)', () => {
    const stack = ['Error', '    at report (/x/node_modules/ft-polyfill/dist/ft-polyfill.cjs:1:5)', '    at Object.<anonymous> (/x/app.test.js:4:3)'].join('\n');
    expect(callSite(stack, '/x/node_modules/ft-polyfill/dist/ft-polyfill.cjs')).toBe('/x/app.test.js:4:3');
    expect(callSite('Error\n    at file:///x/a.mjs:2:9', '/other.js')).toBe('file:///x/a.mjs:2:9');
  });
  test('no frame outside the polyfill (a queued call, a bundle): unknown', () => {
    expect(callSite(`Error\n    at f (${own}:1:1)\n    at node:internal/process/task_queues:95:5`, own)).toBe('');
  });
});

describe('DeviceChecks', () => {
  /** @param {string} [onDeviceCheck] */
  const make = (onDeviceCheck) => {
    const events = [];
    const checks = new DeviceChecks({ emit: (name, payload) => events.push([name, payload]), config: { onDeviceCheck } });
    return { checks, events };
  };
  let warn;
  let error;
  beforeEach(() => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    error = jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterEach(() => {
    warn.mockRestore();
    error.mockRestore();
  });

  test('one console line per kind and call site, naming the call; listed and emitted once', () => {
    const { checks, events } = make();
    const site = () => checks.report('request-url', 'request', 'the device fails "/x"');
    site();
    site();
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^ft-polyfill device check: ft\.request: the device fails "\/x" \(at .*device-check\.test\.js:\d+:\d+\)$/);
    checks.report('request-url', 'request', 'the device fails "/y"');  // another call site
    expect(warn).toHaveBeenCalledTimes(2);
    const list = checks.warnings();
    expect(list.map((w) => [w.kind, w.api, w.message])).toEqual([['request-url', 'request', 'the device fails "/x"'], ['request-url', 'request', 'the device fails "/y"']]);
    expect(list[0].site).toMatch(/device-check\.test\.js:\d+:\d+$/);
    expect(events.map(([name]) => name)).toEqual(['deviceCheck', 'deviceCheck']);
    list[0].message = 'changed';
    expect(checks.warnings()[0].message).toBe('the device fails "/x"');
    checks.clear();
    expect(checks.warnings()).toEqual([]);
    site();
    expect(warn).toHaveBeenCalledTimes(3);
  });

  test("onDeviceCheck: 'error' reports on console.error", () => {
    const { checks } = make('error');
    checks.report('route-query', 'miniProgram.navigateTo', 'cut');
    expect(error).toHaveBeenCalledTimes(1);
    expect(warn).not.toHaveBeenCalled();
  });

  test('the list is bounded', () => {
    const { checks } = make();
    for (let i = 0; i < WARNINGS_LIMIT + 5; i++) checks.report(`kind${i}`, 'api', 'm');  // one site, distinct kinds
    expect(checks.warnings()).toHaveLength(WARNINGS_LIMIT);
  });
});

describe('the testing kit', () => {
  test('deviceCheckError names every place, and is null without any', () => {
    expect(kit.deviceCheckError([])).toBeNull();
    const error = kit.deviceCheckError([{ kind: 'request-url', api: 'request', message: 'fails', site: '/a.js:1:2' }, { kind: 'storage-value', api: 'setStorage', message: 'reads back', site: '' }]);
    expect(error.message).toBe("ft-polyfill device check (onDeviceCheck: 'error'): 2 places where this page would break or differ on a device:\n  - ft.request: fails (at /a.js:1:2)\n  - ft.setStorage: reads back");
  });
  test('expectNoDeviceChecks throws only when the host has warnings', () => {
    expect(() => kit.expectNoDeviceChecks({ warnings: () => [] })).not.toThrow();
    expect(() => kit.expectNoDeviceChecks({ warnings: () => [{ kind: 'k', api: 'request', message: 'm', site: '' }] })).toThrow(/ft\.request: m/);
  });
});

test('a call made before the core is up still names the page\'s call site', async () => {
  // Not started: the core starts with the first call, which waits for it in the queue.
  const { ft, host } = polyfill.createFt({ config: { appId: 'device-check-early' } });
  const failed = ft.request({ url: '/api/early' }).catch((/** @type {any} */ e) => e.errMsg);
  await expect(failed).resolves.toBe('request:fail invalid url "/api/early"');
  const [warning] = host.warnings();
  expect(warning.kind).toBe('request-url');
  expect(warning.site).toContain('device-check.test.js');
});
