// ft.getLocation's time limit (behaviour.md §5.7) against the real core, with a page whose
// navigator.geolocation is a stand-in the test answers (or never answers) itself.
import { polyfill, callWithCallbacks } from '../helpers/node.js';

let counter = 0;

/**
 * A Geolocation stand-in: records each request and answers only when the test says so.
 * @returns {{ geolocation: any, requests: { success: Function, error: Function, options: any }[] }}
 */
function fakeGeolocation() {
  /** @type {{ success: Function, error: Function, options: any }[]} */
  const requests = [];
  return {
    requests,
    geolocation: { getCurrentPosition: (success, error, options) => requests.push({ success, error, options }) },
  };
}

/** A fresh instance whose page has `geolocation`. @param {any} geolocation @param {object} [config] */
async function withGeolocation(geolocation, config = {}) {
  const global = Object.create(globalThis, { navigator: { value: { geolocation } } });
  const instance = polyfill.createFt({ config: { appId: `jest-loc-${process.pid}-${++counter}`, ...config }, global });
  await instance.host.ready;
  return instance;
}

/** Resolves once `ready()` is true (checked every few ms). @param {() => unknown} ready */
async function until(ready) {
  while (!ready()) await new Promise((r) => setTimeout(r, 2));
}

const FIX = { coords: { latitude: 31.2304, longitude: 121.4737, accuracy: 10, altitude: null, altitudeAccuracy: null, speed: null } };

test('a prompt nobody answers fails once with getLocation:fail timeout after locationTimeout; a late answer is ignored', async () => {
  const fake = fakeGeolocation();
  const { ft, host } = await withGeolocation(fake.geolocation, { locationTimeout: 50 });
  const seen = await callWithCallbacks(ft.getLocation, { type: 'gcj02' });
  expect(seen).toEqual([
    ['fail', { errMsg: 'getLocation:fail timeout' }],
    ['complete', { errMsg: 'getLocation:fail timeout' }],
  ]);
  // The person answers at last, yes and then no: nothing more settles.
  fake.requests[0].success(FIX);
  fake.requests[0].error({ code: 1, message: 'User denied Geolocation' });
  await new Promise((r) => setTimeout(r, 20));
  expect(seen).toHaveLength(2);
  expect(host.calls().filter((c) => c.api === 'getLocation').map((c) => c.result.errMsg)).toEqual(['getLocation:fail timeout']);
});

test('an answer in time wins and the timer is gone: exactly one settle', async () => {
  const fake = fakeGeolocation();
  const { ft, host } = await withGeolocation(fake.geolocation, { locationTimeout: 300 });
  const pending = callWithCallbacks(ft.getLocation, {});
  await until(() => fake.requests.length);
  fake.requests[0].success(FIX);
  const seen = await pending;
  await new Promise((r) => setTimeout(r, 350)); // past the limit
  expect(seen.map(([kind, r]) => [kind, r.errMsg])).toEqual([['success', 'getLocation:ok'], ['complete', 'getLocation:ok']]);
  expect(seen[0][1]).toMatchObject({ latitude: 31.2304, longitude: 121.4737 });
  expect(host.calls().filter((c) => c.api === 'getLocation')).toHaveLength(1);
});

test('denial stays getLocation:fail auth deny', async () => {
  const { ft } = await withGeolocation({ getCurrentPosition: (_s, error) => error({ code: 1, message: 'denied' }) }, { locationTimeout: 50 });
  await expect(ft.getLocation()).rejects.toEqual({ errMsg: 'getLocation:fail auth deny' });
});

test('the limit is 30 s by default, ftHostConfig.locationTimeout otherwise, and reaches the browser request too', async () => {
  const limits = [];
  for (const locationTimeout of [undefined, 50, 0, -5, 'soon', Infinity]) {
    const fake = fakeGeolocation();
    const { ft } = await withGeolocation(fake.geolocation, locationTimeout === undefined ? {} : { locationTimeout });
    const call = ft.getLocation().catch(() => {});
    await until(() => fake.requests.length);
    limits.push(fake.requests[0].options.timeout);
    fake.requests[0].success(FIX);
    await call;
  }
  expect(limits).toEqual([30000, 50, 30000, 30000, 30000, 30000]);
});

test('ftHost.configure changes the limit for the calls after it', async () => {
  const fake = fakeGeolocation();
  const { ft, host } = await withGeolocation(fake.geolocation);
  host.configure({ locationTimeout: 40 });
  await expect(ft.getLocation()).rejects.toEqual({ errMsg: 'getLocation:fail timeout' });
  expect(fake.requests[0].options.timeout).toBe(40);
});
