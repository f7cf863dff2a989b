// The bad-input matrix (issue 6 §4), generated from polyfill/api-table.js, for Node
// (tests/properties/bad-input-node.test.js) and Chromium (tests/properties/bad-input-chromium.test.js, which imports this
// file into the page). No imports: it runs wherever `ft` and `ftHost` are.
//
// Every interface is called with: no argument; each bad value as the whole argument; for
// options-style interfaces each bad value in each parameter (the other required parameters
// valid), hostile callbacks (non-functions), unknown keys with hostile values, a throwing getter
// and a revoked Proxy; for positional interfaces each bad value in each position and garbage
// positional lists. Each call must not throw synchronously and must settle exactly once (one call
// log entry; for options-style calls one of success/fail plus one complete, or the Promise) with
// an errMsg "<api>:ok" or "<api>:fail <reason>". Calls that wait for a person are bounded by a
// timeout and listed; with the device interfaces mocked (ftHost.mock) there are none.
// Promises are used as pages use them (behaviour.md §1.4): the page awaits what it calls with no
// callbacks or with its arguments in place (it must get the call's result), and ignores what it
// calls with callbacks that are not functions or with garbage (each failure of those warns once,
// `ft.<api>: <errMsg>`, and nothing is an unhandled rejection: the runner counts those).

/**
 * The bad values, by label. `huge` strings are 5 MB.
 * @returns {Array<[string, () => unknown]>} label → factory (a fresh value per call)
 */
export function badValues() {
  const huge = 'x'.repeat(5 * 1024 * 1024);
  const cyclic = () => { const o = /** @type {any} */ ({ a: 1 }); o.self = o; return o; };
  const cyclicArray = () => { const a = /** @type {any[]} */ ([1]); a.push(a); return a; };
  const revoked = () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; };
  return [
    ['undefined', () => undefined],
    ['null', () => null],
    ['true', () => true],
    ['0', () => 0],
    ['-1', () => -1],
    ['NaN', () => NaN],
    ['Infinity', () => Infinity],
    ['-0', () => -0],
    ['1e308', () => 1e308],
    ['empty string', () => ''],
    ['string', () => 'garbage'],
    ['lone surrogate', () => 'a\ud800b\udfff'],
    ['NUL and controls', () => '\u0000\u0001\n\t\r\u2028'],
    ['huge string (5 MB)', () => huge],
    ['huge array', () => new Array(100000).fill('x')],
    ['empty array', () => []],
    ['empty object', () => ({})],
    ['cyclic object', cyclic],
    ['cyclic array', cyclicArray],
    ['deep object', () => { let o = /** @type {any} */ ({}); for (let i = 0; i < 5000; i++) o = { o }; return o; }],
    ['function', () => function hostile() { return 'called'; }],
    ['symbol', () => Symbol('bad')],
    ['bigint', () => 10n ** 30n],
    ['Map', () => new Map([[1, 2]])],
    ['Set', () => new Set([1])],
    ['Date', () => new Date(0)],
    ['invalid Date', () => new Date(NaN)],
    ['RegExp', () => /x/g],
    ['Error', () => new Error('boom')],
    ['Promise', () => Promise.resolve(1)],
    ['ArrayBuffer', () => new ArrayBuffer(8)],
    ['Uint8Array', () => new Uint8Array([1, 2, 3])],
    ['WeakMap', () => new WeakMap()],
    ['null-prototype object', () => Object.create(null)],
    ['object with toJSON that throws', () => ({ toJSON() { throw new Error('toJSON'); } })],
    ['object with a throwing getter', () => ({ get url() { throw new Error('getter'); }, get key() { throw new Error('getter'); } })],
    ['revoked Proxy', revoked],
    ['object with symbol and bigint fields', () => ({ s: Symbol('s'), b: 1n, f() {} })],
  ];
}

/** A valid value for a required parameter, so that the bad one is the one checked. */
function validFor(/** @type {any} */ def, /** @type {string} */ name) {
  const type = Array.isArray(def.type) ? def.type[0] : def.type;
  if (def.oneOf) return def.oneOf[0];
  switch (type) {
    // A request's url is absolute (§5.3); a route is a page path.
    case 'string': return name === 'url' ? (def.absoluteUrl ? 'https://matrix.invalid/' : 'pages/index/index') : name === 'key' ? 'matrix-key' : 'matrix';
    case 'number': return 1;
    case 'boolean': return true;
    case 'array': return [];
    case 'function': return () => {};
    case 'arraybuffer': return new ArrayBuffer(1);
    default: return {};
  }
}

/**
 * Runs the matrix and returns what went wrong (empty lists = pass) and counts.
 * @param {{ ft: any, ftHost: any, table: any[], timeoutMs?: number, only?: string[] }} options
 */
export async function runMatrix({ ft, ftHost, table, timeoutMs = 3000, only }) {
  /** @type {any[]} */
  const log = [];
  ftHost.on('call', (/** @type {any} */ record) => log.push(record));
  const values = badValues();
  const problems = /** @type {string[]} */ ([]);
  const pending = /** @type {string[]} */ ([]);
  let calls = 0;
  let failed = 0;
  let succeeded = 0;
  // One macrotask (setTimeout(0) is clamped to 4 ms in browsers, which would make the matrix slow).
  const channel = typeof setImmediate === 'function' ? null : new MessageChannel();
  /** @type {Array<() => void>} */
  const waiting = [];
  if (channel) channel.port1.onmessage = () => waiting.shift()?.();
  const tick = () => new Promise((r) => {
    if (!channel) { setImmediate(r); return; }
    waiting.push(() => r(undefined));
    channel.port2.postMessage(0);
  });

  // Warnings the pipeline gives for ignored failures, and the ones expected (one per ignored
  // failed Promise); the interfaces with a Promise form are the ones compared.
  const warnings = /** @type {string[]} */ ([]);
  const expectedWarnings = /** @type {string[]} */ ([]);
  const promiseApis = new Set(table.filter((d) => d.style === 'options' || d.promise).map((d) => (d.ns === 'ft' ? d.name : `miniProgram.${d.name}`)));
  const pageWarn = console.warn;
  console.warn = (/** @type {unknown[]} */ ...args) => { warnings.push(args.map(String).join(' ')); };

  /**
   * One call: `invoke` makes it; options-style calls report through `seen` (callbacks/Promise).
   * `observe`: a returned Promise is awaited (else ignored, as a fire-and-forget call).
   * @param {any} def @param {string} label @param {(seen: { callbacks: string[], promise: string[] }) => unknown} invoke
   * @param {boolean} [observe]
   */
  async function check(def, label, invoke, observe = true) {
    calls++;
    const api = def.ns === 'ft' ? def.name : `miniProgram.${def.name}`;
    const prefix = def.errApi || def.name;
    const seen = { callbacks: /** @type {string[]} */ ([]), promise: /** @type {string[]} */ ([]) };
    log.length = 0;
    let returned;
    try {
      returned = invoke(seen);
    } catch (error) {
      problems.push(`${api} ${label}: threw synchronously: ${error && /** @type {any} */ (error).message}`);
      return;
    }
    const isPromise = returned instanceof Promise;
    if (isPromise && observe) {
      /** @type {Promise<any>} */ (returned).then((r) => seen.promise.push(`ok ${r && r.errMsg}`), (r) => seen.promise.push(`fail ${r && r.errMsg}`));
    }
    const deadline = Date.now() + timeoutMs;
    while (log.length === 0 && Date.now() < deadline) await tick();
    // Let any second settlement show up.
    await tick();
    await tick();
    if (log.length === 0) {
      pending.push(`${api} ${label}`);
      // A call may stay pending by design when it waits for a person (api-table.js `waitsForPerson`).
      if (!def.waitsForPerson) problems.push(`${api} ${label}: never settled within ${timeoutMs} ms`);
      return;
    }
    if (log.length > 1) problems.push(`${api} ${label}: settled ${log.length} times`);
    const result = log[0].result;
    const errMsg = result && result.errMsg;
    const match = typeof errMsg === 'string' && new RegExp(`^${prefix}:(ok|fail \\S.*)$`, 's').exec(errMsg);
    if (!match) problems.push(`${api} ${label}: unclear errMsg ${JSON.stringify(errMsg)}`);
    else if (match[1] === 'ok') succeeded++;
    else failed++;
    // §1.5: each "parameter.<name> should be ..." ends in ";", several concatenated.
    if (match && /parameter error: parameter\S* should be /.test(errMsg) && !/^[^:]+:fail parameter error: (parameter\S* should be [^;]+;)+$/s.test(errMsg)) {
      problems.push(`${api} ${label}: parameter error not in the §1.5 form ${JSON.stringify(errMsg)}`);
    }
    if (seen.callbacks.length && (seen.callbacks.length !== 2 || seen.callbacks[1] !== 'complete' || !/^(success|fail)$/.test(seen.callbacks[0]))) {
      problems.push(`${api} ${label}: callbacks ${seen.callbacks.join(',')}`);
    }
    if (isPromise && observe && seen.promise.join() !== `${match && match[1] === 'ok' ? 'ok' : 'fail'} ${errMsg}`) {
      problems.push(`${api} ${label}: the Promise gave ${JSON.stringify(seen.promise)}, the call ${JSON.stringify(errMsg)}`);
    }
    if (isPromise && !observe && !(match && match[1] === 'ok')) expectedWarnings.push(`ft.${api}: ${errMsg}`);
  }

  for (const def of table) {
    if (only && !only.includes(def.name)) continue;
    const fn = def.ns === 'ft' ? ft[def.name] : ft.miniProgram[def.name];
    if (typeof fn !== 'function') {
      problems.push(`${def.name}: not installed`);
      continue;
    }
    if (def.style === 'options') {
      const params = /** @type {Record<string, any>} */ (def.params);
      const base = /** @type {Record<string, unknown>} */ ({});
      for (const [name, p] of Object.entries(params)) if (p.required) base[name] = validFor({ ...p, absoluteUrl: def.concern === 'network' }, name);
      const withCallbacks = (/** @type {any} */ seen, /** @type {Record<string, unknown>} */ options) => ({
        ...options,
        success: () => seen.callbacks.push('success'),
        fail: () => seen.callbacks.push('fail'),
        complete: () => seen.callbacks.push('complete'),
      });
      await check(def, 'no argument', () => fn());
      for (const [label, make] of values) {
        if (label !== 'undefined' && label !== 'empty object') await check(def, `options = ${label}`, () => fn(make()));
        for (const name of Object.keys(params)) {
          await check(def, `${name} = ${label}`, (seen) => fn(withCallbacks(seen, { ...base, [name]: make() })));
        }
        await check(def, `unknown key = ${label}`, (seen) => fn(withCallbacks(seen, { ...base, unknownKey: make() })));
        await check(def, `success/fail/complete = ${label}`, () => fn({ ...base, success: make(), fail: make(), complete: make() }), false);
      }
      await check(def, 'options with throwing getters', () => fn(new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } })), false);
    } else {
      const params = /** @type {any[]} */ (def.params);
      await check(def, 'no argument', () => fn());
      const arity = Math.max(params.length, 1);
      for (const [label, make] of values) {
        for (let i = 0; i < arity; i++) {
          const args = params.map((p, k) => (p.required ? validFor(p, p.name) : undefined));
          args[i] = make();
          await check(def, `argument ${i} = ${label}`, () => fn(...args));
        }
        await check(def, `garbage positional (${label} x4)`, () => fn(make(), make(), make(), make()), false);
      }
    }
  }
  if (channel) channel.port1.close();
  // An ignored failure warns once the task it failed in has ended.
  for (let i = 0; i < 2; i++) await new Promise((r) => setTimeout(r, 0));
  console.warn = pageWarn;
  const promiseWarnings = warnings.filter((w) => promiseApis.has(w.slice(3, w.indexOf(':'))));
  const sorted = (/** @type {string[]} */ list) => list.slice().sort();
  if (sorted(promiseWarnings).join('\n') !== sorted(expectedWarnings).join('\n')) {
    const missing = expectedWarnings.filter((w) => !promiseWarnings.includes(w));
    const extra = promiseWarnings.filter((w) => !expectedWarnings.includes(w));
    problems.push(`${expectedWarnings.length} ignored failures gave ${promiseWarnings.length} warnings; missing e.g. ${JSON.stringify(missing.slice(0, 3))}, unexpected e.g. ${JSON.stringify(extra.slice(0, 3))}`);
  }
  return { calls, failed, succeeded, problems, pending, ignoredFailures: expectedWarnings.length };
}

/**
 * The whole matrix as the bad-input tests run it (Node and Chromium): the device interfaces
 * mocked, then a storage round-trip and getEnv to show the WebAssembly runtime is alive.
 * @param {{ ft: any, ftHost: any, table: any[] }} globals
 */
export async function matrixWithDeviceMocks({ ft, ftHost, table }) {
  await ftHost.ready;
  // The device interfaces (api-table.js `mockable`), so that nothing waits for a person or the network.
  for (const def of table) if (def.mockable) ftHost.mock(def.name, { fail: 'mocked' });
  const report = await runMatrix({ ft, ftHost, table });
  await ft.setStorage({ key: 'after-matrix', data: { alive: true } });
  const alive = (await ft.getStorage({ key: 'after-matrix' })).data;
  const env = (await ft.miniProgram.getEnv()).errMsg;
  return { ...report, alive, env };
}

/**
 * Lone surrogates round-trip exactly through storage keys, storage values and postMessage data.
 * @param {{ ft: any, ftHost: any, storage?: boolean, postMessage?: boolean }} options
 * @returns {Promise<string[]>} mismatches
 */
export async function loneSurrogates({ ft, ftHost, storage = true, postMessage = true }) {
  const strings = ['\ud800', 'a\udc00b', '\udfff\ud800', 'x\ud83d', '\ud83d\ude00\ud800', '\ufffd', '\uffff', '\uffffd800', '\\ud800 (text)'];
  const wrong = /** @type {string[]} */ ([]);
  const show = (/** @type {string} */ s) => [...s].map((c) => c.codePointAt(0)?.toString(16)).join(' ');
  for (const s of storage ? strings : []) {
    await ft.setStorage({ key: `ls${s}`, data: s });
    const back = (await ft.getStorage({ key: `ls${s}` })).data;
    if (back !== s) wrong.push(`storage value ${show(s)} came back as ${show(String(back))}`);
    await ft.setStorage({ key: 'obj', data: { [s]: [s] } });
    const obj = (await ft.getStorage({ key: 'obj' })).data;
    if (!obj || Object.keys(obj)[0] !== s || obj[s][0] !== s) wrong.push(`storage object with ${show(s)} changed`);
  }
  if (storage) {
    const { keys } = await ft.getStorageInfo();
    for (const s of strings) if (!keys.includes(`ls${s}`)) wrong.push(`storage key ${show(`ls${s}`)} not listed as is`);
    for (const s of strings) {
      await ft.removeStorage({ key: `ls${s}` });
      if (await ft.getStorage({ key: `ls${s}` }).then(() => true, () => false)) wrong.push(`storage key ${show(s)} not removed`);
    }
  }
  if (!postMessage) return wrong;
  /** @type {any[]} */
  const delivered = [];
  const onMessage = (/** @type {any} */ e) => delivered.push(...e.detail.data);
  ftHost.on('message', onMessage);
  for (const s of strings) ft.miniProgram.postMessage({ text: s, [s]: s });
  await new Promise((r) => setTimeout(r, 10));
  await ftHost.share();
  await new Promise((r) => setTimeout(r, 10));
  ftHost.off('message', onMessage);
  strings.forEach((s, i) => {
    const m = delivered[i];
    if (!m || m.text !== s || m[s] !== s) wrong.push(`postMessage data ${show(s)} delivered as ${m ? show(String(m.text)) : 'nothing'}`);
  });
  return wrong;
}
