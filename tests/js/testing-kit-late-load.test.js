// ft-polyfill/testing first required inside a beforeAll (a lazy set-up): Jest takes no hook once
// a file's tests have started, so the kit registers none; the file still runs, and setupFt
// refuses onDeviceCheck: 'error', whose afterEach it could not register, instead of passing.
/** @type {any} */
let kit;

beforeAll(async () => {
  kit = await import('../../testing/index.cjs');
  await kit.setupFt({ appId: 'late-load' });
});

test('the kit loaded in a beforeAll works, and the file does not fail', async () => {
  const g = /** @type {any} */ (globalThis);
  await g.ft.setStorage({ key: 'a', data: 1 });
  expect((await g.ft.getStorage({ key: 'a' })).data).toBe(1);
});

test("setupFt refuses onDeviceCheck: 'error' when it could not register the afterEach", async () => {
  await expect(kit.setupFt({ appId: 'late-load', onDeviceCheck: 'error' })).rejects.toThrow(/first required inside a hook or a test.*expectNoDeviceChecks/);
});
