// The Tea House mini-program's app.json, shared by the demo pages that sit in its web-view.
window.TEA_HOUSE_APP = {
  pages: ['pages/home/home', 'pages/cart/cart', 'pages/goods/detail', 'pages/profile/profile'],
  tabBar: { list: [{ pagePath: 'pages/home/home', text: 'Home' }, { pagePath: 'pages/cart/cart', text: 'Cart' }, { pagePath: 'pages/profile/profile', text: 'Me' }] },
  window: { navigationBarTitleText: 'Tea House' },
};
