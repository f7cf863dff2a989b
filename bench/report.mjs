// The Markdown table of a bench run (stdout and docs/benchmarks.md).

/** @param {boolean} pass */
const mark = (pass) => (pass ? 'met' : 'missed');
/** @param {number} n */
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
/** @param {number} n */
const ops = (n) => `${n.toLocaleString('en-US')}/s`;
/** @param {number} n */
const round2 = (n) => Math.round(n * 100) / 100;

/** @param {any} r  bench/results.json */
export function table(r) {
  const rows = [['figure', 'ft-polyfill', 'baseline', 'ratio', 'target']];
  for (const [build, b] of Object.entries(r.bytes)) {
    rows.push([`bytes, ${build} (${b.files.join(' + ')}), gzip`, kb(b.gzip), '', `raw ${kb(b.raw)}`, `≤ ${kb(b.targetGzip)}: ${mark(b.pass)}`]);
  }
  const s = r.startup;
  if (s) browserRows(r, rows);
  kitRows(r, rows);
  const head = `${r.date.slice(0, 10)}, ${r.machine.cores} cores (${r.machine.cpu}), ${r.machine.chromium ? `Chromium ${r.machine.chromium}, ` : ''}load average ${r.machine.loadAverage.before} → ${r.machine.loadAverage.after}, median of ${r.rounds} rounds (time to ready: ${Math.max(r.rounds * 3, 7)} fresh contexts each), ${r.seconds.total} s`;
  const lines = rows.map((row) => `| ${row.join(' | ')} |`);
  lines.splice(1, 0, `|${rows[0].map(() => '---').join('|')}|`);
  return `${head}\n\n${lines.join('\n')}`;
}

/** The browser sections' rows. @param {any} r @param {string[][]} rows */
function browserRows(r, rows) {
  const s = r.startup;
  rows.push(['time to ready: first getEnv callback', `${s.getEnv.ftMs} ms`, `${s.getEnv.baselineMs} ms`, `${s.getEnv.ratio}`, `≤ ${s.target}: ${mark(s.getEnv.ratio <= s.target)}`]);
  rows.push(['time to ready: first getStorage callback', `${s.getStorage.ftMs} ms`, `${s.getStorage.baselineMs} ms`, `${s.getStorage.ratio}`, `≤ ${s.target}: ${mark(s.getStorage.ratio <= s.target)}`]);
  if (s.floor) rows.push(['time to ready: first getStorage callback against the floor (a page that creates an IndexedDB database and reads one key)', `${s.getStorage.ftMs} ms`, `${s.floor.getStorageMs} ms`, `${s.floor.ftRatio}`, `≤ ${s.floor.target}: ${mark(s.floor.pass)}`]);
  for (const [field, label] of [['noAppIdFloor', 'a page that names no appId'], ['moduleFloor', 'the ES module build (dist/ft-polyfill.mjs)']]) {
    const f = s[field];
    if (f) rows.push([`time to ready: first getStorage callback against the floor, ${label}`, `${f.getStorageMs} ms`, `${s.floor.getStorageMs} ms`, `${f.ftRatio}`, `≤ ${f.target}: ${mark(f.pass)}`]);
  }
  if (s.scriptFloor) rows.push([`(what bounds it) the floor's code in an external script of ft's size (${kb(r.bytes['script tag'].raw)})`, `${s.getStorage.ftMs} ms`, `${s.scriptFloor.getStorageMs} ms`, `${s.scriptFloor.ftRatio}`, `floor ÷ floor as a script: ${round2(s.floor.getStorageMs / s.scriptFloor.getStorageMs)}`]);
  const st = r.storage;
  /** @type {Array<[string, string, number|null]>} */
  const storageRows = [['readsInFlight', 'getStorage, 20,000 in flight (Promise)', 1], ['readsSequential', 'getStorage, one at a time (20,000, awaited Promise)', 1],
    ['readsInFlightCallbacks', 'getStorage, 20,000 in flight (callbacks)', 1], ['readsSequentialCallbacks', 'getStorage, one at a time (20,000, each from the last success callback)', 1],
    ['readsInFlightGc', '(forced GC before each slice, both sides) getStorage, 20,000 in flight', null], ['readsSequentialGc', '(forced GC before each slice, both sides) getStorage, one at a time', null],
    ['writesInFlight', 'setStorage, 2,000 in flight (success = durable; 100 ms pause before each slice, both sides)', 1],
    ['writesInFlightBackToBack', '(back to back: each slice right after the other side\'s) setStorage, 2,000 in flight', null],
    ['writesSequential', 'setStorage, one at a time (200, each durable)', null]];
  for (const [m, label, target] of storageRows) {
    const v = st[m];
    if (!v) continue;
    rows.push([label, ops(v.ftOpsPerSec), ops(v.baselineOpsPerSec), `${v.ratio}`, target === null ? '' : `≥ ${target}: ${mark(v.ratio >= target)}`]);
  }
  rows.push(['one durable setStorage (call → success)', `${st.durableWriteMs} ms`, '', '', `flush: populate ${st.durableWriteFlush.populateMs}, write ${st.durableWriteFlush.writeMs}, push ${st.durableWriteFlush.pushMs} ms`]);
  if (st.leaveRecordMs !== undefined) rows.push(['leaving the page: the pagehide handler keeping 200 setStorage not yet durable (2 MB) in localStorage (docs/durability.md; the normal write path pays one core call per flush)', `${st.leaveRecordMs} ms`, '', '', '']);
  if (st.busyWrite) {
    const bw = st.busyWrite;
    rows.push(['one durable setStorage right after 2,000 setStorage in flight', `${bw.afterBatchMs} ms`, '', '', `≤ ${bw.targetMs} ms: ${mark(bw.afterBatchMs <= bw.targetMs)}`]);
    rows.push(["one durable setStorage right after another page's 2,000 localStorage writes", `${bw.afterOtherPageMs} ms`, '', '', `≤ ${bw.targetMs} ms: ${mark(bw.afterOtherPageMs <= bw.targetMs)}`]);
    if (bw.rawIndexedDBAfterOtherPageMs !== undefined) rows.push(["(what bounds it) one raw IndexedDB put + commit right after another page's 2,000 localStorage writes", '', `${bw.rawIndexedDBAfterOtherPageMs} ms`, `${round2(bw.afterOtherPageMs / bw.rawIndexedDBAfterOtherPageMs)}`, '']);
    if (bw.lockedRawIndexedDBAfterOtherPageMs !== undefined) rows.push(["(what bounds it) the same put under a Web Lock (as a store shared by tabs needs), right after another page's 2,000 localStorage writes", '', `${bw.lockedRawIndexedDBAfterOtherPageMs} ms`, `${round2(bw.afterOtherPageMs / bw.lockedRawIndexedDBAfterOtherPageMs)}`, '']);
  }
  const sizes = Object.entries(r.scaling.sizes);
  for (const [n, v] of sizes) {
    rows.push([`one durable setStorage, ${Number(n).toLocaleString('en-US')} keys stored (${v.storedKB} KB)`, `${v.durableWriteMs} ms`, '', '', `flush: populate ${v.populateMs}, write ${v.writeMs}, push ${v.pushMs} ms, ${v.shardsWritten} file(s)`]);
  }
  rows.push([`persisting one key: ${sizes[sizes.length - 1][0]} keys ÷ ${sizes[0][0]} keys`, '', '', `${r.scaling.ratio}`, `≤ ${r.scaling.target}: ${mark(r.scaling.pass)}`]);
  const b = r.bigStartup;
  rows.push([`start-up with ${b.storedKB} KB stored → first getStorage (raw: read it all from IndexedDB)`, `${b.ftMs} ms (empty store ${b.ftEmptyStoreMs} ms)`, `${b.rawIndexedDBMs} ms`, `${b.ratio}`, `≤ ${b.target}: ${mark(b.pass)}`]);
  const br = r.bridge;
  rows.push(['ftHost.sendWebviewEvent → onWebviewEvent (baseline: EventTarget dispatch)', `${br.webviewEvent.ftMs} ms`, `${br.webviewEvent.baselineMs} ms`, `${br.webviewEvent.ratio}`, '']);
  rows.push(['ft.request (baseline: fetch + json of the same local url)', `${br.request.ftMs} ms`, `${br.request.baselineMs} ms`, `${br.request.ratio}`, `≤ ${br.request.target}: ${mark(br.request.pass)}`]);
  if (br.request.floorMs !== undefined) rows.push(['(what bounds it) fetch with an AbortSignal and a timer, headers read, text + JSON.parse', `${br.request.ftMs} ms`, `${br.request.floorMs} ms`, `${br.request.floorRatio}`, `floor ÷ fetch + json: ${br.request.floorOverBaseline}`]);
  const ct = r.crossTab;
  if (ct) rows.push([`a write in one tab read by getStorage in another (median of ${ct.samples}; baseline: localStorage's storage event)`, `${ct.ftMs} ms (worst ${ct.worstMs} ms)`, `${ct.baselineMs} ms`, '', `≤ ${ct.targetMs} ms: ${mark(ct.pass)}`]);
}

/** The kits' rows (testing kit in Node, the suites against a fake, the Playwright fixture). @param {any} r @param {string[][]} rows */
function kitRows(r, rows) {
  const k = r.kit;
  if (k) {
    rows.push(['testing kit: setupFt in a fresh Node process (load, core start, config)', `${k.setupMs} ms`, '', '', `≤ ${k.setupTargetMs} ms: ${mark(k.setupMs <= k.setupTargetMs)}`]);
    if (k.phases) {
      const p = k.phases;
      rows.push(['(where a test file\'s set-up goes, ms) module load · globals and install (fake-indexeddb) · wasm compile and instantiate · storage open · config · first reset', `${p.moduleLoadMs} · ${p.globalsAndInstallMs} · ${p.wasmCompileInstantiateMs} · ${p.storageOpenMs} · ${p.configMs} · ${p.firstResetMs}`, '', '', '']);
    }
    rows.push(['testing kit: host.reset()', `${k.resetMs} ms`, '', '', `≤ ${k.resetTargetMs} ms: ${mark(k.resetMs <= k.resetTargetMs)}`]);
    rows.push(['testing kit: 100 test bodies (reset, setStorage, getStorage, navigateTo)', `${k.hundredTestsMs} ms`, '', '', '']);
  }
  for (const v of r.kitSuite || []) {
    rows.push([`${v.runner === 'vitest' ? 'Vitest' : 'Jest'} (${v.env}), ${v.files} files × 5 tests of app code importing finclip-js-sdk: the kit (baseline: a hand-written fake ft), whole run; per file ${v.perFileMs} ms more`, `${(v.kitMs / 1000).toFixed(1)} s`, `${(v.fakeMs / 1000).toFixed(1)} s`, `${v.ratio}`, `≤ ${v.target}: ${mark(v.pass)}`]);
  }
  const pw = r.playwrightFixture;
  if (pw) rows.push([`Playwright fixture, per test over a plain page doing the same (goto + one durable write; ${pw.tests} tests, one worker, a fresh context each)`, `${pw.kitPerTestMs} ms`, `${pw.plainPerTestMs} ms`, `+${pw.overMs} ms`, `≤ +${pw.targetMs} ms: ${mark(pw.pass)}`]);
  if (pw && pw.boundOverMs !== undefined) rows.push(['(what bounds it) the plain page inflating and compiling the same embedded wasm first, as any polyfill with a WebAssembly core must in a fresh context', `${pw.boundPerTestMs} ms`, `${pw.plainPerTestMs} ms`, `+${pw.boundOverMs} ms`, '']);
}
