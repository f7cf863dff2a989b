// App configurations (app.json) that several test files open.

/** A tabBar app of six pages: three tabs (index, cart, me) and the web-view page pages/web/web. */
export const TEA_HOUSE = {
  pages: ['pages/index/index', 'pages/list/list', 'pages/detail/detail', 'pages/web/web', 'pages/cart/cart', 'pages/me/me'],
  tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Home' }, { pagePath: 'pages/cart/cart', text: 'Cart' }, { pagePath: 'pages/me/me', text: 'Me' }] },
  window: { navigationBarTitleText: 'Tea House' },
};
