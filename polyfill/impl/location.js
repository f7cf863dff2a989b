// ft.getLocation and ft.chooseLocation (behaviour.md §5.7, §5.8). The browser gives a WGS-84 fix
// (navigator.geolocation); the core checks the options, converts to GCJ-02 when asked (offline,
// inside China only) and builds the result. chooseLocation asks the person in the host's form.

import { whyNobodyAnswers } from './device/person.js';
import { ok, fail } from '../pipeline.js';
import { mockAnswer, outcomeOf } from './device/mocks.js';
import { toOutcome, REASON } from '../core-wire.js';
import { getLocationPlan, locationResult, chooseLocationCheck } from '../core-wire/device.js';
import { loadUi } from '../load-ui.js';

/**
 * @typedef {{ latitude: number, longitude: number, accuracy?: number|null, altitude?: number|null,
 *   altitudeAccuracy?: number|null, speed?: number|null }} Fix  WGS-84 degrees, metres, m/s
 */

/**
 * The browser's current position, or a failure reason; settles once. `limit` (ms, the core's
 * location_timeout_ms) covers the permission prompt too, which the Geolocation API's own timeout
 * does not: a prompt nobody answers fails 'timeout', and an answer after that is ignored (§5.7).
 * @param {any} global @param {boolean} highAccuracy @param {number} limit
 * @returns {Promise<Fix | { reason: string }>}
 */
function browserFix(global, highAccuracy, limit) {
  const geo = global.navigator && global.navigator.geolocation;
  if (!geo) return Promise.resolve({ reason: 'geolocation is not supported' });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ reason: REASON.timeout }), limit);
    /** @param {Fix | { reason: string }} r */
    const settle = (r) => {
      clearTimeout(timer);
      resolve(r);
    };
    geo.getCurrentPosition(
      (/** @type {GeolocationPosition} */ p) => settle({
        latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy,
        altitude: p.coords.altitude, altitudeAccuracy: p.coords.altitudeAccuracy, speed: p.coords.speed,
      }),
      (/** @type {GeolocationPositionError} */ e) => settle({
        reason: e.code === 1 ? 'auth deny' : e.code === 3 ? REASON.timeout : `location unavailable${e.message ? `: ${e.message}` : ''}`,
      }),
      { enableHighAccuracy: highAccuracy, timeout: limit, maximumAge: 0 },
    );
  });
}

/**
 * @param {import('../runtime.js').Runtime} runtime
 * @param {import('../services.js').Services} services
 * @returns {Record<string, import('../pipeline.js').Impl>}
 */
export default function locationImpl(runtime, services) {
  const { mocks } = services;

  return {
    /**
     * ft.getLocation({type, altitude}) → {latitude, longitude, speed, accuracy, horizontalAccuracy,
     * verticalAccuracy, altitude?}. Mock answer: the device's WGS-84 fix {latitude, longitude,
     * accuracy?, altitude?, speed?}; the core converts it like a real one.
     */
    async getLocation({ type, altitude }) {
      const core = runtime.core();
      const check = getLocationPlan(core, { type, timeout: runtime.config.locationTimeout });
      if (!check.ok) return fail(check.reason);
      /** @type {Fix | { reason: string }} */
      let fix;
      const mocked = mockAnswer(mocks, 'getLocation', { type, altitude });
      if (mocked) {
        const r = await mocked;
        fix = 'fail' in r ? { reason: r.fail } : /** @type {Fix} */ (r.data);
      } else {
        fix = await browserFix(runtime.global, altitude === true, check.timeout);
      }
      if ('reason' in fix) return fail(fix.reason);
      return toOutcome(locationResult(core, {
        type: check.type, latitude: fix.latitude, longitude: fix.longitude, accuracy: fix.accuracy,
        altitude: fix.altitude, altitudeAccuracy: fix.altitudeAccuracy, speed: fix.speed,
      }));
    },

    /**
     * ft.chooseLocation({latitude?, longitude?}) → {name, address, latitude, longitude} from the
     * host's form. Mock answer: the success object as it is.
     */
    async chooseLocation({ latitude, longitude }) {
      const core = runtime.core();
      const check = chooseLocationCheck(core, { latitude, longitude });
      if (!check.ok) return fail(check.reason);
      const mocked = mockAnswer(mocks, 'chooseLocation', { latitude, longitude });
      if (mocked) return outcomeOf(await mocked);
      const doc = runtime.global.document;
      const nobody = whyNobodyAnswers(runtime.global);
      if (nobody) return fail(`no location picker ${nobody}: use ftHost.mock`);
      const { askForPlace } = await loadUi();
      const place = await askForPlace(doc, check, (p) => {
        const c = chooseLocationCheck(core, { latitude: p.latitude, longitude: p.longitude });
        return c.ok && Number.isFinite(p.latitude) && Number.isFinite(p.longitude) ? null
          : c.ok ? 'latitude and longitude are required' : c.reason;
      });
      return place ? ok(place) : fail(REASON.cancel);
    },
  };
}
