// The host's place picker for ft.chooseLocation: a form (name, address, latitude, longitude)
// prefilled from the options, with OK / Cancel. The core checks the coordinates; a rejected
// value shows its reason in the form and the form stays open.

import { openOverlay, addButtons } from './overlay.js';

/**
 * @typedef {{ name: string, address: string, latitude: number, longitude: number }} Place
 */

/**
 * @param {Document} doc
 * @param {{ latitude?: number, longitude?: number }} prefill
 * @param {(place: Place) => string | null} check  the core's check: a reason, or null when valid
 * @returns {Promise<Place | null>}  null when cancelled
 */
export function askForPlace(doc, prefill, check) {
  return new Promise((resolve) => {
    const overlay = openOverlay(doc, 'chooseLocation', 'Choose a location', 'The page asks you to pick a place.');
    const form = doc.createElement('form');
    /** @param {string} name @param {string} label @param {string} value @param {string} type */
    const field = (name, label, value, type) => {
      const l = doc.createElement('label');
      l.textContent = label;
      const input = doc.createElement('input');
      input.name = name;
      input.type = type;
      if (type === 'number') input.step = 'any';
      input.value = value;
      l.appendChild(input);
      form.appendChild(l);
      return input;
    };
    const name = field('name', 'Name', '', 'text');
    const address = field('address', 'Address', '', 'text');
    const lat = field('latitude', 'Latitude (−90…90)', prefill.latitude === undefined ? '' : String(prefill.latitude), 'number');
    const lon = field('longitude', 'Longitude (−180…180)', prefill.longitude === undefined ? '' : String(prefill.longitude), 'number');
    const error = doc.createElement('div');
    error.className = 'error';
    form.appendChild(error);
    overlay.sheet.appendChild(form);
    const submit = () => {
      const place = { name: name.value, address: address.value, latitude: parseFloat(lat.value), longitude: parseFloat(lon.value) };
      const reason = check(place);
      if (reason) {
        error.textContent = reason;
        return;
      }
      overlay.close();
      resolve(place);
    };
    form.addEventListener('submit', (e) => { e.preventDefault(); submit(); });
    addButtons(doc, overlay.sheet, [
      { label: 'Cancel', name: 'cancel', onClick: () => { overlay.close(); resolve(null); } },
      { label: 'OK', name: 'ok', primary: true, onClick: submit },
    ]);
    name.focus();
  });
}
