// The npm package's API placement (behaviour.md §1.12): the interfaces finclip-js-sdk lists under
// ft.miniProgram are there too, behaving exactly as ft.<name> (the same function).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { API_TABLE } from '../../polyfill/api-table.js';
import { ROOT } from '../helpers/browser.js';
import { freshFt } from '../helpers/node.js';

/** The names §1.12 of the contract lists, read from docs/behaviour.md. */
function contractList() {
  const rule = /^12\. Every interface is also where the npm package[\s\S]*?\[FC npm\]/m.exec(readFileSync(join(ROOT, 'docs/behaviour.md'), 'utf8'));
  const list = rule && /\(([^)]*)\)/.exec(rule[0]);
  return list ? [...list[1].matchAll(/`(\w+)`/g)].map((m) => m[1]).sort() : [];
}

test('every name of §1.12 is at ft.miniProgram, as the same function as ft.<name>', async () => {
  const names = contractList();
  expect(names).toHaveLength(14);
  expect(API_TABLE.filter((def) => def.alsoIn === 'miniProgram').map((def) => def.name).sort()).toEqual(names);
  const { ft } = await freshFt();
  for (const name of names) expect([name, typeof ft.miniProgram[name], ft.miniProgram[name] === ft[name]]).toEqual([name, 'function', true]);
});

test('ft.miniProgram.setStorage then ft.getStorage round-trips; errMsg and call log as ft.<name>', async () => {
  const { ft, host } = await freshFt({ appInfo: { appTitle: 'Shop' } });
  await expect(ft.miniProgram.setStorage({ key: 'cart', data: [{ id: 1 }] })).resolves.toEqual({ errMsg: 'setStorage:ok' });
  expect((await ft.getStorage({ key: 'cart' })).data).toEqual([{ id: 1 }]);
  await ft.setStorage({ key: 'user', data: 'ann' });
  expect((await ft.miniProgram.getStorage({ key: 'user' })).data).toBe('ann');
  expect((await ft.miniProgram.getStorageInfo()).keys.sort()).toEqual(['cart', 'user']);
  await ft.miniProgram.removeStorage({ key: 'user' });
  await expect(ft.miniProgram.getStorage({ key: 'user' })).rejects.toEqual({ errMsg: 'getStorage:fail data not found' });
  const cleared = await new Promise((resolve) => ft.miniProgram.clearStorage({ complete: resolve }));
  expect(cleared).toEqual({ errMsg: 'clearStorage:ok' });
  await expect(ft.miniProgram.setStorage({ key: 1 })).rejects.toEqual({ errMsg: 'setStorage:fail parameter error: parameter.key should be String instead of Number;' });
  expect((await ft.miniProgram.getAppletInfo()).appTitle).toBe('Shop');
  expect((await ft.miniProgram.canNavigateBack()).errMsg).toBe('canNavigateBack:ok');
  await ft.miniProgram.setNavigationBarTitle({ title: 'Cart' });
  expect(host.title()).toBe('Cart');
  host.mock('request', { data: { ok: 1 }, statusCode: 200 });
  const res = await ft.miniProgram.request({ url: 'https://example.com/api' });
  expect([res.errMsg, res.data]).toEqual(['request:ok', { ok: 1 }]);
  // The call log names the interface as ft does, wherever it was called from.
  expect(host.calls().slice(0, 2).map((c) => c.api)).toEqual(['setStorage', 'getStorage']);
  expect(host.calls().map((c) => c.api)).not.toContain('miniProgram.setStorage');
});
