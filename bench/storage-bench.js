// Storage workloads run in the page, the same code against `ft` and against the baseline.
(function () {
  var VALUE = { id: 42, name: 'Tieguanyin oolong', tags: ['tea', 'oolong'], price: 72.5, stock: true };

  function now() { return performance.now(); }

  // Each workload returns the ms it took; storageRound runs it in alternating slices (ft, baseline,
  // baseline, ft, ...) so that drift (GC, other processes) falls on both sides alike.
  async function inFlightWrites(api, n, prefix, from) {
    var t = now();
    var all = [];
    for (var i = 0; i < n; i++) all.push(api.setStorage({ key: prefix + ((from + i) % KEYS), data: VALUE }));
    await Promise.all(all);
    return now() - t;
  }
  async function sequentialWrites(api, n, prefix, from) {
    var t = now();
    for (var i = 0; i < n; i++) await api.setStorage({ key: prefix + ((from + i) % 50), data: VALUE });
    return now() - t;
  }
  async function inFlightReads(api, n, prefix, from) {
    var t = now();
    var all = [];
    for (var i = 0; i < n; i++) all.push(api.getStorage({ key: prefix + ((from + i) % KEYS) }));
    await Promise.all(all);
    return now() - t;
  }
  async function sequentialReads(api, n, prefix, from) {
    var t = now();
    for (var i = 0; i < n; i++) await api.getStorage({ key: prefix + ((from + i) % KEYS) });
    return now() - t;
  }
  // The callback style, as FinClip's doc examples call it: success counts the settled reads.
  function inFlightReadsCallbacks(api, n, prefix, from) {
    return new Promise(function (resolve) {
      var t = now();
      var left = n;
      var done = function () { if (--left === 0) resolve(now() - t); };
      for (var i = 0; i < n; i++) api.getStorage({ key: prefix + ((from + i) % KEYS), success: done, fail: done });
    });
  }
  function sequentialReadsCallbacks(api, n, prefix, from) {
    return new Promise(function (resolve) {
      var t = now();
      var i = 0;
      var next = function () {
        if (i === n) return resolve(now() - t);
        api.getStorage({ key: prefix + ((from + i++) % KEYS), success: next, fail: next });
      };
      next();
    });
  }
  var KEYS = 2000;
  var SLICES = 4;
  /**
   * Before each slice of the write workloads, both sides alike: the browser process finishes what
   * the last slice left it. 2,000 localStorage writes leave it busy committing them for 5 to 30
   * ms after setItem has returned, and every IndexedDB request and Web Lock of the next slice
   * waits behind that (docs/benchmarks.md: a raw IndexedDB get takes 3 to 30 ms then, 0.5 ms idle). The
   * back-to-back variant keeps that cost on whichever side comes next.
   */
  var QUIET_MS = 100;
  /**
   * [workload, operations per round (split into SLICES slices; writes in flight: 2,000 a slice),
   *  collect the heap before each slice, ms to wait before each slice]; 20,000 reads a round, so a
   *  slice (5,000) lasts some ms, not one (a 1 ms slice moved the ratio between 0.6 and 2). The headline figures run
   *  without a forced GC, as a page runs (each side pays for its own garbage); the `...Gc`
   *  variants start every slice from a collected heap (bench/run.mjs launches with --expose-gc),
   *  on both sides alike.
   */
  var WORKLOADS = {
    writesInFlight: [inFlightWrites, KEYS * SLICES, false, QUIET_MS],
    writesInFlightBackToBack: [inFlightWrites, KEYS * SLICES, false, 0],
    writesSequential: [sequentialWrites, 200, false, QUIET_MS],
    readsInFlight: [inFlightReads, 20000, false, 0],
    readsSequential: [sequentialReads, 20000, false, 0],
    readsInFlightCallbacks: [inFlightReadsCallbacks, 20000, false, 0],
    readsSequentialCallbacks: [sequentialReadsCallbacks, 20000, false, 0],
    readsInFlightGc: [inFlightReads, 20000, true, 0],
    readsSequentialGc: [sequentialReads, 20000, true, 0],
  };
  var pause = function (ms) { return new Promise(function (resolve) { setTimeout(resolve, ms); }); };

  function median(xs) {
    var s = xs.slice().sort(function (a, b) { return a - b; });
    return s[Math.floor(s.length / 2)];
  }
  /** One setStorage at a time, from the call to its success (the value is then in IndexedDB). */
  async function durableWriteLatency(n) {
    var samples = [], populate = [], write = [], push = [];
    for (var i = 0; i < n; i++) {
      var t = now();
      await ft.setStorage({ key: 'latency', data: i });
      samples.push(now() - t);
      var flush = await ftHost.flushed();
      populate.push(flush.populateMs); write.push(flush.writeMs); push.push(flush.pushMs);
    }
    return { ms: median(samples), flush: { populateMs: median(populate), writeMs: median(write), pushMs: median(push) } };
  }

  /** One round: every workload on both, in alternating slices; operations per second. */
  window.storageRound = async function (round) {
    await ftHost.ready;
    var apis = { ft: window.ft, baseline: window.baselineStorage };
    var out = { ft: {}, baseline: {} };
    var prefix = 'k';  // every round rewrites the same 2000 keys: the store does not grow between rounds
    for (var name in WORKLOADS) {
      var fn = WORKLOADS[name][0], per = WORKLOADS[name][1] / SLICES, collect = WORKLOADS[name][2], quiet = WORKLOADS[name][3];
      var ms = { ft: 0, baseline: 0 };
      for (var slice = 0; slice < SLICES; slice++) {
        var order = (round + slice) % 2 ? ['baseline', 'ft'] : ['ft', 'baseline'];
        for (var j = 0; j < 2; j++) {
          if (quiet) await pause(quiet);
          if (collect && typeof window.gc === 'function') window.gc();
          ms[order[j]] += await fn(apis[order[j]], per, prefix, slice * per);
        }
      }
      out.ft[name] = WORKLOADS[name][1] / (ms.ft / 1000);
      out.baseline[name] = WORKLOADS[name][1] / (ms.baseline / 1000);
    }
    var durable = await durableWriteLatency(30);
    out.ft.durableWriteMs = durable.ms;
    out.ft.flush = durable.flush;
    out.ft.afterBatchWriteMs = await writeAfterBatch(5);
    return out;
  };

  /**
   * A busy page: 2,000 setStorage in flight (awaited), then at once one awaited setStorage, timed
   * from its call to its success (durable). Median of n.
   */
  async function writeAfterBatch(n) {
    var samples = [];
    for (var r = 0; r < n; r++) {
      await inFlightWrites(window.ft, KEYS, 'k', r);
      var t = now();
      await ft.setStorage({ key: 'after-batch', data: r });
      samples.push(now() - t);
    }
    return median(samples);
  }

  /**
   * What the page's leaving costs (docs/durability.md): 200 setStorage of 10 KB (2 MB) not
   * awaited, then a pagehide event: ms of its handler (the core's unsaved-writes record into
   * localStorage). The record is removed once the writes are durable.
   */
  window.leaveRecord = async function (round) {
    await ftHost.ready;
    var value = 'v'.repeat(10 * 1024);
    for (var i = 0; i < 200; i++) ft.setStorage({ key: 'leave-' + i, data: round + value });
    var t = now();
    window.dispatchEvent(new Event('pagehide'));
    var ms = now() - t;
    await ftHost.flushed();
    return ms;
  };

  /** One awaited setStorage, call → success; run by the bench right after another page's work. */
  window.oneDurableWrite = async function (value) {
    await ftHost.ready;
    var t = now();
    await ft.setStorage({ key: 'after-other-page', data: value });
    return now() - t;
  };

  /**
   * What bounds a durable write in a busy browser: one IndexedDB put of a small value, call →
   * committed, on a database of its own (opened once); run by the bench right after another
   * page's work, as oneDurableWrite is.
   */
  var rawDb = null;
  /** locked: the put runs under a Web Lock, as every write of a store shared by tabs must. */
  window.rawIndexedDBWrite = async function (value, locked) {
    if (!rawDb) {
      rawDb = await new Promise(function (resolve, reject) {
        var open = indexedDB.open('bench-raw-write', 1);
        open.onupgradeneeded = function () { open.result.createObjectStore('values'); };
        open.onsuccess = function () { resolve(open.result); };
        open.onerror = function () { reject(open.error); };
      });
    }
    var put = function () {
      return new Promise(function (resolve, reject) {
        var tx = rawDb.transaction(['values'], 'readwrite', { durability: 'relaxed' });
        tx.objectStore('values').put(value, 'after-other-page');
        tx.oncomplete = resolve;
        tx.onerror = function () { reject(tx.error); };
      });
    };
    var t = now();
    await (locked ? navigator.locks.request('bench-raw-write', put) : put());
    return now() - t;
  };

  /** The other page's work: 2,000 localStorage writes (the same values as the baseline writes). */
  window.localStorageBatch = function (n) {
    var t = now();
    var text = JSON.stringify({ data: VALUE });
    for (var i = 0; i < n; i++) localStorage.setItem('other-page-' + i, text);
    return now() - t;
  };
})();
