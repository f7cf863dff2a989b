// The profile page of the demo: chooseImage + getLocalImgData, getLocation in both coordinate
// systems and chooseLocation, downloadFile + openDocument of a PDF, and ft.request to the demo
// server's JSON API. Untrusted text goes through textContent.
/* global ft */
const $ = (id) => document.getElementById(id);
// A device's request has no page to resolve a relative url against (behaviour.md §5.3): every url
// is absolute, built from the page's address (or the base a page sets in window.DEMO_API_BASE).
const at = (path) => new URL(path, window.DEMO_API_BASE || location.href).href;
const show = (id, value) => { $(id).textContent = typeof value === 'string' ? value : JSON.stringify(value, null, 1); };

async function choosePhoto() {
  try {
    const res = await ft.chooseImage({ count: 1, sizeType: ['compressed'] });
    const path = res.tempFilePaths[0];
    $('avatar').src = path;
    $('avatar').style.display = 'block';
    show('photo-info', `${path}\n${res.tempFiles[0].size} bytes`);
    const { localData } = await ft.getLocalImgData({ path });
    show('local-data', `getLocalImgData: ${localData.slice(0, 48)}… (${localData.length} chars)`);
  } catch (e) {
    show('photo-info', e.errMsg);
  }
}
$('photo').onclick = choosePhoto;
$('photo-later').onclick = () => setTimeout(choosePhoto, 5500); // past the click's activation

$('locate').onclick = async () => {
  try {
    const [wgs, gcj] = await Promise.all([ft.getLocation({ type: 'wgs84' }), ft.getLocation({ type: 'gcj02' })]);
    show('location', `wgs84: ${wgs.latitude.toFixed(6)}, ${wgs.longitude.toFixed(6)} (±${Math.round(wgs.accuracy)} m)\n` +
      `gcj02: ${gcj.latitude.toFixed(6)}, ${gcj.longitude.toFixed(6)}${gcj.latitude === wgs.latitude ? ' (outside China: unchanged)' : ''}`);
  } catch (e) {
    show('location', `${e.errMsg}\n(no location? try the host's mock: ftHost.mock('getLocation', {latitude: 31.2304, longitude: 121.4737}))`);
  }
};
$('pick-place').onclick = () => ft.chooseLocation({
  latitude: 31.2304, longitude: 121.4737,
  success: (p) => show('location', `${p.name} · ${p.address}\n${p.latitude}, ${p.longitude}`),
  fail: (e) => show('location', e.errMsg),
});

$('terms').onclick = async () => {
  try {
    const dl = await ft.downloadFile({ url: at('assets/sample.pdf') });
    show('terms-info', `downloaded (${dl.statusCode}): ${dl.tempFilePath}`);
    await ft.openDocument({ filePath: dl.tempFilePath, fileType: 'pdf' });
  } catch (e) {
    show('terms-info', e.errMsg);
  }
};

$('load-products').onclick = () => {
  const task = ft.request({
    url: at('/api/products'),
    success: (res) => {
      $('products').replaceChildren(...res.data.products.map((p) => {
        const li = document.createElement('li');
        li.textContent = `${p.name} · ¥${p.price}`;
        return li;
      }));
      show('products-info', `${res.statusCode} · ${res.header['content-type']}`);
    },
    fail: (e) => show('products-info', e.errMsg),
  });
  setTimeout(() => task.abort(), 10000); // a RequestTask: abort() is there as in WeChat
};
