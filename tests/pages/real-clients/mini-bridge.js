// A multi-host bridge of the shape H5 pages written for several mini-program hosts carry: it probes
// each host's JSSDK global inside try blocks (an undeclared global is a ReferenceError there) and
// routes navigation and messages to the first one present. Client code, kept as such pages write it.
/* global my, swan, tt, qq */
/* exported MiniBridge */
var MiniBridge = (function () {
  function detect() {
    try { if (wx && wx.miniProgram) return { name: 'wx', api: wx.miniProgram }; } catch (e) {}
    try { if (my && my.navigateTo) return { name: 'my', api: my }; } catch (e) {}
    try { if (swan && swan.webView) return { name: 'swan', api: swan.webView }; } catch (e) {}
    try { if (tt && tt.miniProgram) return { name: 'tt', api: tt.miniProgram }; } catch (e) {}
    try { if (qq && qq.miniProgram) return { name: 'qq', api: qq.miniProgram }; } catch (e) {}
    try { if (ft && ft.miniProgram) return { name: 'ft', api: ft.miniProgram }; } catch (e) {}
    return null;
  }
  return {
    hostName: function () {
      var host = detect();
      return host ? host.name : 'browser';
    },
    navigateTo: function (url, done) {
      var host = detect();
      if (!host) { location.href = url; return; }
      host.api.navigateTo({
        url: url,
        success: function () { done(host.name + ': ok'); },
        fail: function (res) { done(host.name + ': ' + res.errMsg); },
      });
    },
    postMessage: function (data) {
      var host = detect();
      if (!host) return;
      if (host.name === 'my') host.api.postMessage(data);
      else host.api.postMessage({ data: data });
    },
  };
})();
