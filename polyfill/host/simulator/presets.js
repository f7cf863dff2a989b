// The simulator's network and location presets (docs/guides/simulator.md). The network presets
// are Chrome DevTools' throttling profiles (latency per request, download throughput), applied to
// the frame's fetch: ft.request, ft.downloadFile and the page's own fetch alike (frame.js). The
// places are WGS-84, as a device's GPS reports them.

/**
 * @typedef {object} NetworkPreset
 * @property {string} id       what ?network= and a scenario's `network` take
 * @property {string} name
 * @property {number} latency  ms added before each request is sent
 * @property {number} download bytes per second of the response body (0: unlimited)
 * @property {string} bar      what the status bar shows
 */

/** @type {NetworkPreset[]} */
export const NETWORKS = [
  { id: 'online', name: 'Online', latency: 0, download: 0, bar: '5G' },
  // Chrome DevTools' "Fast 3G" and "Slow 3G".
  { id: 'fast-3g', name: 'Fast 3G', latency: 562.5, download: 180 * 1024, bar: '3G' },
  { id: 'slow-3g', name: 'Slow 3G', latency: 2000, download: 50 * 1024, bar: '3G slow' },
  { id: 'offline', name: 'Offline', latency: 0, download: 0, bar: 'offline' },
];

/** The preset of an id (an older session's 'slow' is Slow 3G), else Online. @param {unknown} id @returns {NetworkPreset} */
export function findNetwork(id) {
  const key = id === 'slow' ? 'slow-3g' : id;
  return NETWORKS.find((n) => n.id === key) || NETWORKS[0];
}

/**
 * @typedef {object} Place
 * @property {string} id  what ?location= and a scenario's `location` take
 * @property {string} name
 * @property {string} address
 * @property {number} latitude   WGS-84
 * @property {number} longitude  WGS-84
 */

/** @type {Place[]} */
export const PLACES = [
  { id: 'shenzhen', name: 'Civic Center', address: 'Futian District, Shenzhen', latitude: 22.5431, longitude: 114.0579 },
  { id: 'shanghai', name: 'The Bund', address: 'Huangpu District, Shanghai', latitude: 31.2400, longitude: 121.4900 },
  { id: 'beijing', name: 'Tiananmen Square', address: 'Dongcheng District, Beijing', latitude: 39.9055, longitude: 116.3976 },
  { id: 'hong-kong', name: 'Central', address: 'Central and Western District, Hong Kong', latitude: 22.2819, longitude: 114.1582 },
  { id: 'singapore', name: 'Marina Bay', address: 'Downtown Core, Singapore', latitude: 1.2834, longitude: 103.8607 },
  { id: 'london', name: 'Trafalgar Square', address: 'Westminster, London', latitude: 51.5080, longitude: -0.1281 },
];

/**
 * What getLocation answers besides a position: the host's failures (behaviour.md §5.7; the
 * reasons impl/location.js gives for the browser's errors).
 * @type {Record<string, string>}
 */
export const LOCATION_FAILS = { deny: 'auth deny', unavailable: 'location unavailable', timeout: 'timeout' };

/**
 * Reads a ?location= value: a place's id, "lat,lon", or one of LOCATION_FAILS; null when unknown.
 * @param {string} text
 * @returns {{ answer: string, place?: { latitude: number, longitude: number, name: string, address: string } } | null}
 */
export function parseLocation(text) {
  if (Object.hasOwn(LOCATION_FAILS, text)) return { answer: text };
  const place = PLACES.find((p) => p.id === text);
  if (place) return { answer: 'position', place: { latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address } };
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)$/.exec(text);
  if (!m || Math.abs(Number(m[1])) > 90 || Math.abs(Number(m[2])) > 180) return null;
  return { answer: 'position', place: { latitude: Number(m[1]), longitude: Number(m[2]), name: '', address: '' } };
}

/**
 * The ?location= value of the settings ('' when getLocation is left to the browser).
 * @param {{ getLocation: string, place: { latitude: number, longitude: number } }} settings
 */
export function locationParam(settings) {
  if (Object.hasOwn(LOCATION_FAILS, settings.getLocation)) return settings.getLocation;
  if (settings.getLocation !== 'position') return '';
  const { latitude, longitude } = settings.place;
  const place = PLACES.find((p) => p.latitude === latitude && p.longitude === longitude);
  return place ? place.id : `${latitude},${longitude}`;
}

/**
 * Wraps `realFetch` with a network preset: offline fails as fetch does without a network (a
 * TypeError, which ft.request reports as `request:fail network error`); otherwise the request
 * waits `latency` ms and the response body arrives at `download` bytes per second.
 * @param {Window} timers  whose setTimeout runs the delays (the shell's, which outlives the frame)
 * @param {any} fwin  the frame's window (its TypeError, Response)
 * @param {(input: RequestInfo | URL, init?: RequestInit) => Promise<Response>} realFetch
 * @param {() => NetworkPreset} preset  read at each request
 */
export function throttledFetch(timers, fwin, realFetch, preset) {
  /** @param {number} ms @param {AbortSignal | null | undefined} signal */
  const wait = (ms, signal) => new Promise((resolve, reject) => {
    if (ms <= 0) return resolve(undefined);
    const timer = timers.setTimeout(resolve, ms);
    if (signal) signal.addEventListener('abort', () => { timers.clearTimeout(timer); reject(signal.reason); }, { once: true });
  });
  /** @param {RequestInfo | URL} input @param {RequestInit} [init] */
  return async function conditioned(input, init) {
    const network = preset();
    const url = typeof input === 'string' ? input : String(/** @type {any} */ (input) && (/** @type {any} */ (input).url || /** @type {any} */ (input).href) || '');
    // The host reads its own app.json, not over the device's network.
    if (network.id === 'online' || /(^|\/)app\.json(\?|#|$)/.test(url)) return realFetch.call(fwin, input, init);
    if (network.id === 'offline') throw new fwin.TypeError('Failed to fetch (the simulator is offline)');
    const signal = init && init.signal;
    await wait(network.latency, signal);
    const response = await realFetch.call(fwin, input, init);
    if (!network.download || !response.body) return response;
    const body = await response.arrayBuffer();
    await wait((body.byteLength / network.download) * 1000, signal);
    const slowed = new fwin.Response(response.status === 204 || response.status === 304 ? null : body, { status: response.status, statusText: response.statusText, headers: response.headers });
    Object.defineProperty(slowed, 'url', { value: response.url });
    Object.defineProperty(slowed, 'redirected', { value: response.redirected });
    return slowed;
  };
}
