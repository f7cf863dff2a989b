// An independent WGS-84 → GCJ-02 conversion (the published eviltransform formulas, Krasovsky
// ellipsoid), to check the core's answer to getLocation({ type: 'gcj02' }) against.

const A = 6378245.0;
const EE = 0.006693421622965943; // 0.00669342162296594323 as published, to a double's precision

/** @param {number} x @param {number} y */
function shiftLat(x, y) {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

/** @param {number} x @param {number} y */
function shiftLon(x, y) {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/**
 * The GCJ-02 position of a WGS-84 one, in degrees; outside China's bounding box the position
 * unchanged (as the published formulas do).
 * @param {number} lat @param {number} lon
 * @returns {{ latitude: number, longitude: number }}
 */
export function gcj02(lat, lon) {
  if (lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271) return { latitude: lat, longitude: lon };
  const rad = (lat / 180) * Math.PI;
  const magic = 1 - EE * Math.sin(rad) ** 2;
  const sq = Math.sqrt(magic);
  return {
    latitude: lat + (shiftLat(lon - 105, lat - 35) * 180) / (((A * (1 - EE)) / (magic * sq)) * Math.PI),
    longitude: lon + (shiftLon(lon - 105, lat - 35) * 180) / ((A / sq) * Math.cos(rad) * Math.PI),
  };
}
