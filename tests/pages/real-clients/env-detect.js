// An environment detector of the shape FinClip H5 pages carry: the synchronous flag at script
// start, then getEnv with a 500 ms timeout fallback for hosts whose bridge never answers.
// Client code, kept as such pages write it.
(function () {
  var detected = { atStart: null, fromGetEnv: null };
  window.detectedEnv = detected;
  detected.atStart = window.__fcjs_environment === 'miniprogram' ? 'FinClip mini-program' : 'browser';
  var settled = false;
  function settle(name) {
    if (settled) return;
    settled = true;
    detected.fromGetEnv = name;
  }
  var fallback = setTimeout(function () { settle('browser'); }, 500);
  try {
    ft.miniProgram.getEnv(function (res) {
      clearTimeout(fallback);
      settle(res && (res.miniprogram || res.env === 'miniprogram') ? 'FinClip mini-program' : 'browser');
    });
  } catch (e) {
    clearTimeout(fallback);
    settle('browser');
  }
})();
