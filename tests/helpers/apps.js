// App configurations (app.json) that several test files open.

/** A tabBar app of six pages: three tabs (index, cart, me) and the web-view page pages/web/web. */
export const TEA_HOUSE = {
  pages: ['pages/index/index', 'pages/list/list', 'pages/detail/detail', 'pages/web/web', 'pages/cart/cart', 'pages/me/me'],
  tabBar: { list: [{ pagePath: 'pages/index/index', text: 'Home' }, { pagePath: 'pages/cart/cart', text: 'Cart' }, { pagePath: 'pages/me/me', text: 'Me' }] },
  window: { navigationBarTitleText: 'Tea House' },
};

/** The web-view page and the others each in a folder of their own; two tabs (index, mine). */
export const ROUTING_APP = {
  pages: ['pages/index/index', 'pages/web/index', 'pages/detail/index', 'pages/mine/index', 'pages/cart/index'],
  tabBar: { list: [{ pagePath: 'pages/index/index' }, { pagePath: 'pages/mine/index' }] },
};
/** ROUTING_APP's stack with the web-view page open. */
export const ROUTING_STACK = ['pages/index/index', 'pages/web/index'];
