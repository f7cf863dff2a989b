// The test's probe (not client code): which other hosts' globals exist, recorded with a label.
window.foreignGlobalsSeen = window.foreignGlobalsSeen || [];
window.checkForeignGlobals = function (label) {
  var names = ['wx', 'my', 'swan', 'tt', 'qq', '__wxjs_environment', 'WeixinJSBridge'];
  var present = [];
  for (var i = 0; i < names.length; i++) if (names[i] in window) present.push(names[i]);
  window.foreignGlobalsSeen.push({ label: label, present: present });
};
window.checkForeignGlobals('before the SDK');
