// The demo shop's cart: everything it keeps lives in the mini-program's storage through ft.
/* global ft */
(function () {
  var MENU = [
    { id: 'longjing', name: 'Longjing green tea', price: 58 },
    { id: 'oolong', name: 'Tieguanyin oolong', price: 72 },
    { id: 'puer', name: 'Aged pu-erh cake', price: 168 },
    { id: 'mooncake', name: 'Lotus mooncake', price: 26 },
  ];
  var cart = {};
  var $ = function (id) { return document.getElementById(id); };

  function money(n) { return '¥' + n.toFixed(0); }

  function renderMenu() {
    var menu = $('menu');
    menu.textContent = '';
    MENU.forEach(function (item) {
      var li = document.createElement('li');
      var label = document.createElement('span');
      label.textContent = item.name + ' · ' + money(item.price);
      var add = document.createElement('button');
      add.textContent = 'Add';
      add.dataset.add = item.id;
      add.onclick = function () { change(item.id, 1); };
      li.append(label, add);
      menu.append(li);
    });
  }

  function renderCart() {
    var list = $('cart');
    list.textContent = '';
    var total = 0, count = 0;
    Object.keys(cart).forEach(function (id) {
      var item = MENU.find(function (m) { return m.id === id; });
      if (!item) return;
      var qty = cart[id];
      total += qty * item.price;
      count += qty;
      var li = document.createElement('li');
      var label = document.createElement('span');
      label.textContent = item.name + ' × ' + qty;
      var minus = document.createElement('button');
      minus.textContent = '−';
      minus.onclick = function () { change(id, -1); };
      li.append(label, minus);
      list.append(li);
    });
    if (!count) {
      var empty = document.createElement('li');
      empty.textContent = 'Nothing yet: add a tea from the menu.';
      list.append(empty);
    }
    $('total').textContent = money(total);
    $('cart-count').textContent = count ? '(' + count + ')' : '';
  }

  function change(id, delta) {
    cart[id] = (cart[id] || 0) + delta;
    if (cart[id] <= 0) delete cart[id];
    renderCart();
    ft.setStorage({ key: 'cart', data: { items: cart } });
    // A top-level Date keeps its type in mini-program storage (a nested one would become a string).
    ft.setStorage({ key: 'cart-saved-at', data: new Date(), complete: showInfo });
  }

  function showInfo() {
    ft.getStorageInfo({
      success: function (res) {
        $('storage-info').textContent = 'keys: ' + JSON.stringify(res.keys) + '\ncurrentSize: ' + res.currentSize + ' KB of ' + res.limitSize + ' KB';
      },
    });
    $('local').textContent = 'localStorage has ' + localStorage.length + ' key(s)';
  }

  $('clear').onclick = function () {
    cart = {};
    renderCart();
    ft.removeStorage({ key: 'cart' });
    ft.removeStorage({ key: 'cart-saved-at', complete: showInfo });
  };
  $('checkout').onclick = function () {
    if (!Object.keys(cart).length) {
      alert('Your cart is empty: add a tea from the menu first.');
      return;
    }
    ft.getStorage({ key: 'cart-saved-at' }).then(function (res) {
      alert('Order placed (cart saved at ' + res.data.toLocaleTimeString() + ')');
    }, function (err) { alert('Could not read the cart: ' + err.errMsg); });
  };
  $('compact').onchange = function (e) {
    document.body.classList.toggle('compact', e.target.checked);
    ft.setStorage({ key: 'settings', data: { compact: e.target.checked, note: $('note').value }, complete: showInfo });
  };
  $('note').onchange = function () { $('compact').onchange({ target: $('compact') }); };

  ft.miniProgram.getEnv(function (res) {
    $('env').textContent = res.env === 'miniprogram' ? 'in mini-program · JSSDK ' + res.version : 'plain browser';
  });
  ft.getAppletInfo({
    success: function (info) { $('applet').textContent = 'appId: ' + info.appId + ' · ' + info.appTitle; },
  });
  // Restore what the last visit saved.
  ft.getStorage({
    key: 'cart',
    success: function (res) { cart = res.data.items || {}; },
    complete: renderCart,
  });
  ft.getStorage({
    key: 'settings',
    success: function (res) {
      $('compact').checked = !!res.data.compact;
      $('note').value = res.data.note || '';
      document.body.classList.toggle('compact', !!res.data.compact);
    },
  });
  // The page's own localStorage, to show clearStorage never touches it.
  localStorage.setItem('tea-house-last-visit', new Date().toISOString());
  renderMenu();
  showInfo();
})();
