// The simulator's network and location sections (controls.js places them beside the others): the
// network presets on the frame's fetch, getLocation's and chooseLocation's answers, the place.

import { h } from '../panel/dom.js';
import { NETWORKS, PLACES } from './presets.js';

/**
 * @param {Document} doc
 * @param {object} ctx
 * @param {import('./settings.js').SimulatorSettings} ctx.settings
 * @param {() => void} ctx.save
 * @param {() => void} ctx.schedule
 * @param {() => void} ctx.applyMocks
 * @param {(title: string, children: Array<Node|string|null>, slot?: string) => HTMLElement} ctx.section
 * @param {(label: string, options: Array<[string, string]>, get: () => string, set: (value: string) => void) => HTMLElement} ctx.choice
 * @returns {HTMLElement[]} the network and location sections
 */
export function buildConditions(doc, { settings, save, schedule, applyMocks, section, choice }) {
  const network = section('Network', [
    choice('network condition', NETWORKS.map((n) => /** @type {[string, string]} */ ([n.id, n.name])),
      () => settings.network, (v) => { settings.network = v; schedule(); }),
    h(doc, 'div', { class: 'hint' }, ['The frame\'s fetch: ft.request, ft.downloadFile and the page\'s own. 3G: Chrome DevTools\' latency and download speed. Offline they fail as a host does: request:fail network error.']),
  ], 'network');

  /** @param {string} label @param {string} key 'n' for a number @param {string} value */
  const field = (label, key, value) => /** @type {HTMLInputElement} */ (h(doc, 'input', { class: key ? 'n' : undefined, type: key ? 'number' : 'text', step: 'any', 'aria-label': label, value }));
  const lat = field('latitude', 'n', String(settings.place.latitude));
  const lon = field('longitude', 'n', String(settings.place.longitude));
  const placeName = field('place name', '', settings.place.name);
  const placeAddress = field('place address', '', settings.place.address);
  const readPlace = () => {
    const latitude = Number(lat.value);
    const longitude = Number(lon.value);
    settings.place = {
      latitude: Number.isFinite(latitude) ? latitude : settings.place.latitude,
      longitude: Number.isFinite(longitude) ? longitude : settings.place.longitude,
      name: placeName.value,
      address: placeAddress.value,
    };
    save();
    applyMocks();
  };
  for (const input of [lat, lon, placeName, placeAddress]) input.addEventListener('change', readPlace);
  const city = /** @type {HTMLSelectElement} */ (h(doc, 'select', { class: 'f', 'aria-label': 'place preset', onchange: () => {
    const place = PLACES.find((p) => p.id === city.value);
    if (!place) return;
    lat.value = String(place.latitude);
    lon.value = String(place.longitude);
    placeName.value = place.name;
    placeAddress.value = place.address;
    readPlace();
  } }, [h(doc, 'option', { value: '' }, ['a city…']), ...PLACES.map((p) => h(doc, 'option', { value: p.id }, [`${p.address.split(', ').pop()} (${p.name})`]))]));
  /** @param {string} label @param {Array<[string, string]>} options @param {'getLocation' | 'chooseLocation'} key */
  const mockChoice = (label, options, key) => choice(label, options, () => settings[key], (v) => {
    /** @type {any} */ (settings)[key] = v;
    applyMocks();
  });
  const location = section('Location', [
    h(doc, 'div', { class: 'row' }, [h(doc, 'span', { class: 'api' }, ['getLocation']),
      mockChoice('getLocation answer', [['off', 'Browser'], ['position', 'This position'], ['deny', 'Deny'], ['unavailable', 'Unavailable'], ['timeout', 'Timeout']], 'getLocation')]),
    h(doc, 'div', { class: 'row' }, [h(doc, 'span', { class: 'api' }, ['chooseLocation']),
      mockChoice('chooseLocation answer', [['off', 'Host sheet'], ['place', 'This place'], ['cancel', 'Cancel']], 'chooseLocation')]),
    h(doc, 'div', { class: 'row' }, [city, h(doc, 'label', { class: 't' }, ['lat', lat]), h(doc, 'label', { class: 't' }, ['lon', lon])]),
    h(doc, 'div', { class: 'row' }, [placeName, placeAddress]),
    h(doc, 'div', { class: 'hint' }, ['WGS-84; getLocation({type: "gcj02"}) converts it as the host does. Unavailable and Timeout fail as a device without a fix does.']),
  ], 'location');
  return [network, location];
}
