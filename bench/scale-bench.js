// Scaling workloads (bench/scaling.mjs): fill a store, then time one durable write at a time.
(function () {
  function median(xs) {
    var s = xs.slice().sort(function (a, b) { return a - b; });
    return s[Math.floor(s.length / 2)];
  }
  /** A value of about `chars` characters (varied, so no layer can compress it to nothing). */
  function text(chars, seed) {
    var parts = [], n = seed;
    while (parts.length * 8 < chars) { n = (n * 1103515245 + 12345) % 2147483648; parts.push(n.toString(36).padStart(8, '0').slice(0, 8)); }
    return parts.join('').slice(0, chars);
  }
  window.benchText = text;

  /** Stores `n` keys k0..k<n-1> of `chars`-character strings, all in flight, until durable. */
  window.fill = async function (n, chars) {
    await ftHost.ready;
    var all = [];
    for (var i = 0; i < n; i++) all.push(ft.setStorage({ key: 'k' + i, data: text(chars, i + 1) }));
    await Promise.all(all);
    await ftHost.flushed();
    var info = await ft.getStorageInfo();
    return { keys: info.keys.length, currentSizeKB: info.currentSize };
  };

  /** `count` durable setStorage calls one at a time, each changing one existing key. */
  window.durableWrites = async function (n, count, round) {
    var wall = [], populate = [], write = [], push = [], shards = [];
    for (var i = 0; i < count; i++) {
      var key = 'k' + ((round * count + i) * 7919 % n);
      var t = performance.now();
      await ft.setStorage({ key: key, data: text(100, round * 1000 + i) });
      wall.push(performance.now() - t);
      var f = await ftHost.flushed();
      populate.push(f.populateMs); write.push(f.writeMs); push.push(f.pushMs); shards.push(f.shardsWritten);
    }
    return { wallMs: median(wall), populateMs: median(populate), writeMs: median(write), pushMs: median(push), shardsWritten: median(shards) };
  };
})();
