// The baseline: what Taro H5 and uni-app H5 do for wx.*Storage in a browser: the page's own
// localStorage plus JSON, behind the same callback/Promise API (no limits, no appId, no types
// beyond JSON, not durable when success runs), and a getEnv answering at once. Installed as
// window.baselineStorage.
(function () {
  function settle(options, result, ok) {
    return Promise.resolve().then(function () {
      if (options && (options.success || options.fail || options.complete)) {
        if (ok && options.success) options.success(result);
        if (!ok && options.fail) options.fail(result);
        if (options.complete) options.complete(result);
        return undefined;
      }
      if (ok) return result;
      throw result;
    });
  }
  window.baselineStorage = {
    setStorage: function (options) {
      try {
        localStorage.setItem(options.key, JSON.stringify({ data: options.data }));
        return settle(options, { errMsg: 'setStorage:ok' }, true);
      } catch (e) {
        return settle(options, { errMsg: 'setStorage:fail ' + e.message }, false);
      }
    },
    getStorage: function (options) {
      var raw = localStorage.getItem(options.key);
      if (raw === null) return settle(options, { errMsg: 'getStorage:fail data not found' }, false);
      return settle(options, { data: JSON.parse(raw).data, errMsg: 'getStorage:ok' }, true);
    },
    miniProgram: {
      getEnv: function (callback) {
        Promise.resolve().then(function () {
          callback({ env: 'miniprogram', version: '1.4.20', miniprogram: true, errMsg: 'getEnv:ok' });
        });
      },
    },
  };
})();
