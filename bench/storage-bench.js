// Storage workloads run in the page, the same code against `ft` and against the baseline.
(function () {
  var VALUE = { id: 42, name: 'Tieguanyin oolong', tags: ['tea', 'oolong'], price: 72.5, stock: true };

  function now() { return performance.now(); }

  async function inFlightWrites(api, n, prefix) {
    var t = now();
    var all = [];
    for (var i = 0; i < n; i++) all.push(api.setStorage({ key: prefix + i, data: VALUE }));
    await Promise.all(all);
    return n / ((now() - t) / 1000);
  }
  async function sequentialWrites(api, n, prefix) {
    var t = now();
    for (var i = 0; i < n; i++) await api.setStorage({ key: prefix + (i % 50), data: VALUE });
    return n / ((now() - t) / 1000);
  }
  async function inFlightReads(api, n, prefix, keys) {
    var t = now();
    var all = [];
    for (var i = 0; i < n; i++) all.push(api.getStorage({ key: prefix + (i % keys) }));
    await Promise.all(all);
    return n / ((now() - t) / 1000);
  }
  async function sequentialReads(api, n, prefix, keys) {
    var t = now();
    for (var i = 0; i < n; i++) await api.getStorage({ key: prefix + (i % keys) });
    return n / ((now() - t) / 1000);
  }
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

  /** One round: every workload on both, alternating which goes first. */
  window.storageRound = async function (round) {
    await ftHost.ready;
    var apis = { ft: window.ft, baseline: window.baselineStorage };
    var order = round % 2 ? ['baseline', 'ft'] : ['ft', 'baseline'];
    var out = { ft: {}, baseline: {} };
    var prefix = 'k';  // every round rewrites the same 2000 keys: the store does not grow between rounds
    for (var j = 0; j < order.length; j++) {
      var name = order[j], api = apis[name];
      out[name].writesInFlight = await inFlightWrites(api, 2000, prefix);
      out[name].writesSequential = await sequentialWrites(api, 200, prefix);
      out[name].readsInFlight = await inFlightReads(api, 20000, prefix, 2000);
      out[name].readsSequential = await sequentialReads(api, 5000, prefix, 2000);
    }
    var durable = await durableWriteLatency(30);
    out.ft.durableWriteMs = durable.ms;
    out.ft.flush = durable.flush;
    return out;
  };
})();
