// The "Example Code for Some API Calls" block of FinClip's interface page (jssdk-interface.md),
// as written there, run on demand against the simulated host. `url`, `header`, `timeout` and
// `filePath` are free variables in the original; they are given values here.
/* global ft */
(function () {
  var out = document.getElementById('examples-log');
  function log() {
    var line = Array.prototype.map.call(arguments, function (a) { return typeof a === 'string' ? a : JSON.stringify(a); }).join(' ');
    out.textContent += line + '\n';
  }
  var console = { log: log };

  // The examples call several APIs without callbacks: those return Promises (behaviour.md §1.4),
  // and a failed one would be an unhandled rejection. Show them here instead.
  window.addEventListener('unhandledrejection', function (event) {
    if (event.reason && typeof event.reason.errMsg === 'string') {
      event.preventDefault();
      log('(promise rejected)', event.reason.errMsg);
    }
  });

  window.runDocExamples = function () {
    out.textContent = '';
    var url = new URL('assets/sample.pdf', location.href).href;
    var header = {};
    var timeout = 10000;
    var filePath = 'demo/sample.pdf';
    var fileType = 'pdf';

    ft.miniProgram.navigateTo({ url: '/path/to/page' })
    ft.miniProgram.reLaunch({ url: '/path/to/page' })
    ft.miniProgram.postMessage({ data: 'foo' })
    ft.miniProgram.postMessage({ data: { foo: 'bar' } })
    ft.miniProgram.getEnv(function(res) {
      console.log(res.env)
      console.log(res.version) // Supported from version 1.4.18 onwards
    }) // miniprogram

    // Synchronously determine the current H5 runtime environment
    console.log(window.__fcjs_environment) // miniprogram
    // Close the Mini-Program
    ft.miniProgram.close()

    ft.miniProgram.navigateBackMiniProgram({
      extraData: {},
      success: function(res) {
        console.log('navigateBackMiniProgram success callback:')
        console.log(res)
      }
    })

    ft.miniProgram.navigateToMiniProgram({
      appId: '',
      success: function(res) {
        console.log('navigateToMiniProgram success callback:')
        console.log(res)
      }
    })

    ft.miniProgram.onShow(res => {
      console.log(res)
      // res.data represents the query parameters of the current Mini-Program route
    })

    ft.miniProgram.onHide(res => {
      // Do Something
    })

    ft.miniProgram.onUnload(res => {
      // Do Something
    })

    ft.downloadFile({
      url,
      header,
      timeout,
      filePath
    })

    ft.openDocument({
      filePath,
      fileType
    })

    ft.chooseImage({
      count: 1, // Default is 9
      sizeType: ['original', 'compressed'], // Can specify whether it's the original or compressed image; default includes both
      sourceType: ['album', 'camera'], // Can specify whether the source is the album or camera; default includes both
      success: res => {
        console.log(res)
      }
    })

    ft.getAppletInfo({
      success: res => {
        console.log('getAppletInfo', res)
      }
    })
    ft.chooseImage({
      count: 1, // Default is 9
      sizeType: ['original', 'compressed'], // Can specify whether it's the original or compressed image; default includes both
      sourceType: ['album', 'camera'], // Can specify whether the source is the album or camera; default includes both
      success: res => {
        console.log(res)
        window.ft.miniProgram.getLocalImgData({
          path: res.tempFilePaths[0],
          success: res => {
            console.log(res)
          }
        })
      }
    })

    // Check if the current H5 page can navigate back to the previous page
    ft.canGoBack({
      success: function(res) {
        console.log(res)
      }
    })

    // Check if the Mini-Program can navigate back to the previous page
    ft.canNavigateBack({
      success: function(res) {
        console.log(res)
      }
    })

    // Set the title of the Mini-Program page
    ft.setNavigationBarTitle({
      title: 'page title'
    })

    ft.request({
      url: 'https://some.url',
      method: 'GET',
      data: {
        param1: 'test'
      },
      success: function(res) {
        console.log('success', res)
      },
      fail: function(res) {
        console.log('fail', res)
      },
      complete: function(res) {
        console.log('complete', res)
      }
    })
  };

  var button = document.getElementById('run-examples');
  if (button) button.onclick = function () { window.runDocExamples(); };
})();
