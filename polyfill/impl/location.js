// ft.getLocation and ft.chooseLocation (behaviour.md §5.7, §5.8). The browser gives a WGS-84 fix
// (navigator.geolocation); the core checks the options, converts to GCJ-02 when asked (offline,
// inside China only) and builds the result. chooseLocation asks the person in the host's form.

import { ok, fail } from '../pipeline.js';
import { installMocks, mockAnswer, outcomeOf } from './device/mocks.js';
import { parse } from './device/file-store.js';
import { loadUi } from '../host/load-ui.js';

/** How long getLocation waits for the browser's fix, ms. [ours] */
export const LOCATION_TIMEOUT_MS = 30000;

/**
 * @typedef {{ latitude: number, longitude: number, accuracy?: number|null, altitude?: number|null,
 *   altitudeAccuracy?: number|null, speed?: number|null }} Fix  WGS-84 degrees, metres, m/s
 */

/**
 * The browser's current position, or a failure reason.
 * @param {any} navigator @param {boolean} highAccuracy
 * @returns {Promise<Fix | { reason: string }>}
 */
function browserFix(navigator, highAccuracy) {
  const geo = navigator && navigator.geolocation;
  if (!geo) return Promise.resolve({ reason: 'geolocation is not supported' });
  return new Promise((resolve) => {
    geo.getCurrentPosition(
      (/** @type {GeolocationPosition} */ p) => resolve({
        latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy,
        altitude: p.coords.altitude, altitudeAccuracy: p.coords.altitudeAccuracy, speed: p.coords.speed,
      }),
      (/** @type {GeolocationPositionError} */ e) => resolve({
        reason: e.code === 1 ? 'auth deny' : e.code === 3 ? 'timeout' : `location unavailable${e.message ? `: ${e.message}` : ''}`,
      }),
      { enableHighAccuracy: highAccuracy, timeout: LOCATION_TIMEOUT_MS, maximumAge: 0 },
    );
  });
}

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function locationImpl(runtime) {
  const mocks = installMocks(runtime);

  return {
    /**
     * ft.getLocation({type, altitude}) → {latitude, longitude, speed, accuracy, horizontalAccuracy,
     * verticalAccuracy, altitude?}. Mock answer: the device's WGS-84 fix {latitude, longitude,
     * accuracy?, altitude?, speed?}; the core converts it like a real one.
     */
    async getLocation({ type, altitude }) {
      const { Module } = runtime.core();
      const check = parse(Module.getLocationCheck(JSON.stringify({ type })));
      if (!check.ok) return fail(check.reason);
      /** @type {Fix | { reason: string }} */
      let fix;
      const mocked = mockAnswer(mocks, 'getLocation', { type, altitude });
      if (mocked) {
        const r = await mocked;
        fix = 'fail' in r ? { reason: r.fail } : /** @type {Fix} */ (r.data);
      } else {
        fix = await browserFix(runtime.global.navigator, altitude === true);
      }
      if ('reason' in fix) return fail(fix.reason);
      const r = parse(Module.locationResult(JSON.stringify({
        type: check.type, latitude: fix.latitude, longitude: fix.longitude, accuracy: fix.accuracy,
        altitude: fix.altitude, altitudeAccuracy: fix.altitudeAccuracy, speed: fix.speed,
      })));
      if (!r.ok) return fail(r.reason);
      delete r.ok;
      return ok(r);
    },

    /**
     * ft.chooseLocation({latitude?, longitude?}) → {name, address, latitude, longitude} from the
     * host's form. Mock answer: the success object as it is.
     */
    async chooseLocation({ latitude, longitude }) {
      const { Module } = runtime.core();
      const check = parse(Module.chooseLocationCheck(JSON.stringify({ latitude, longitude })));
      if (!check.ok) return fail(check.reason);
      const mocked = mockAnswer(mocks, 'chooseLocation', { latitude, longitude });
      if (mocked) return outcomeOf(await mocked);
      const doc = runtime.global.document;
      if (!doc) return fail('no location picker outside a browser page (use ftHost.mock)');
      const { askForPlace } = await loadUi();
      const place = await askForPlace(doc, check, (p) => {
        const c = parse(Module.chooseLocationCheck(JSON.stringify({ latitude: p.latitude, longitude: p.longitude })));
        return c.ok && Number.isFinite(p.latitude) && Number.isFinite(p.longitude) ? null
          : c.ok ? 'latitude and longitude are required' : c.reason;
      });
      return place ? ok(place) : fail('cancel');
    },
  };
}
