// Bridge costs (bench/bridge.mjs), each against its plain baseline, one at a time:
// - ftHost.sendWebviewEvent → an ft.miniProgram.onWebviewEvent listener, against dispatching a
//   CustomEvent on an EventTarget to one listener;
// - ft.request (dataType json) against fetch + response.json() of the same local url, and against
//   what bounds any fetch-based ft.request: fetch with an AbortSignal (its timeout and abort()),
//   a timer, the response headers read (its `header`) and the text parsed as JSON.
(function () {
  var now = function () { return performance.now(); };
  var deliver = null;
  var target = new EventTarget();
  target.addEventListener('webviewevent', function (e) { deliver(e.detail); });
  var listening = ftHost.ready.then(function () {
    ft.miniProgram.onWebviewEvent(function (data) { deliver(data); });
  });

  /** ms per event, `n` one at a time (each awaited until its listener ran). */
  async function events(send, n) {
    var t = now();
    for (var i = 0; i < n; i++) {
      await new Promise(function (resolve) { deliver = resolve; send({ i: i }); });
    }
    return (now() - t) / n;
  }
  function ftRequest(url) {
    return new Promise(function (resolve, reject) {
      ft.request({ url: url, success: function (r) { resolve(r.data); }, fail: reject });
    });
  }
  function rawFetch(url) {
    return fetch(url).then(function (r) { return r.json(); });
  }
  function fetchFloor(url) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, 60000);
    return fetch(url, { signal: controller.signal }).then(function (r) {
      var header = {};
      r.headers.forEach(function (value, name) { header[name] = value; });
      return r.text();
    }).then(function (text) {
      clearTimeout(timer);
      return JSON.parse(text);
    });
  }
  var REQUESTS = { ft: ftRequest, baseline: rawFetch, floor: fetchFloor };
  /** ft.request, fetch and the floor in turn, one call at a time (drift falls on all); ms per call each. */
  async function requests(url, n, ftFirst) {
    var ms = { ft: 0, baseline: 0, floor: 0 };
    for (var i = 0; i < n; i++) {
      var order = (i % 2 === 0) === ftFirst ? ['ft', 'baseline', 'floor'] : ['floor', 'baseline', 'ft'];
      for (var j = 0; j < order.length; j++) {
        var t = now();
        var data = await REQUESTS[order[j]](url + '?i=' + i);
        ms[order[j]] += now() - t;
        if (!data || data.ok !== true) throw new Error('bench: unexpected response ' + JSON.stringify(data));
      }
    }
    return { ft: ms.ft / n, baseline: ms.baseline / n, floor: ms.floor / n };
  }

  /** One round, alternating which goes first; ms per operation. */
  window.bridgeRound = async function (round, url) {
    await listening;
    var out = {};
    var first = round % 2 === 0;
    var ftSend = function (d) { ftHost.sendWebviewEvent(d); };
    var rawSend = function (d) { target.dispatchEvent(new CustomEvent('webviewevent', { detail: d })); };
    if (first) { out.ftEventMs = await events(ftSend, 300); out.baselineEventMs = await events(rawSend, 300); } else { out.baselineEventMs = await events(rawSend, 300); out.ftEventMs = await events(ftSend, 300); }
    var req = await requests(url, 100, first);
    out.ftRequestMs = req.ft;
    out.baselineRequestMs = req.baseline;
    out.floorRequestMs = req.floor;
    return out;
  };
})();
