// The host's sheet for ft.chooseImage when the page calls it without a user gesture: a browser
// opens a file picker only inside one, so the host asks the person, as a real host's action sheet
// would. "Choose…" is the gesture that opens the picker; "Cancel" fails with 'cancel'.

import { openOverlay, addButtons } from './overlay.js';
import { openPicker } from '../../file-picker.js';

/**
 * @param {Document} doc
 * @param {{ accept: string, multiple: boolean, capture: boolean, count: number }} plan
 * @returns {Promise<File[] | null>}  null when cancelled (sheet or picker)
 */
export function askForImages(doc, plan) {
  return new Promise((resolve) => {
    const overlay = openOverlay(doc, 'chooseImage', 'Choose images',
      `The page asks for ${plan.count === 1 ? 'an image' : `up to ${plan.count} images`}${plan.capture ? ' from the camera' : ''}.`);
    addButtons(doc, overlay.sheet, [
      { label: 'Cancel', name: 'cancel', onClick: () => { overlay.close(); resolve(null); } },
      {
        label: plan.capture ? 'Take photo…' : 'Choose…', name: 'choose', primary: true,
        onClick: () => { overlay.close(); resolve(openPicker(doc, plan)); },
      },
    ]);
  });
}
