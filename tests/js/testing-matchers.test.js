// The kit's matchers (testing/matchers.cjs) in Jest: toHavePendingMessages reads what the host
// would receive now at a share, back or destroy (behaviour.md §4.1), pendingMessages the array.
import { createRequire } from 'node:module';

const kit = createRequire(import.meta.url)('../../testing/index.cjs');

beforeAll(() => kit.setupFt({ appId: `kit-matchers-${process.pid}`, stack: ['pages/index/index', 'pages/web/web'] }));
beforeEach(() => globalThis.host.reset());
expect.extend(kit.ftMatchers);

test('toHavePendingMessages passes on the buffered data, oldest first, and fails naming both arrays', async () => {
  expect(ftHost).toHavePendingMessages([]);
  await ft.miniProgram.postMessage({ data: { order: 42 } });
  await ft.miniProgram.postMessage({ other: 'no data field' });
  expect(ftHost).toHavePendingMessages([{ order: 42 }, { other: 'no data field' }]);
  expect(kit.pendingMessages(ftHost)).toEqual([{ order: 42 }, { other: 'no data field' }]);
  expect(() => expect(ftHost).toHavePendingMessages([{ order: 41 }])).toThrow(/pending postMessage data[\s\S]*order[\s\S]*41[\s\S]*received[\s\S]*42/);
  expect(() => expect(ftHost).not.toHavePendingMessages([{ order: 42 }, { other: 'no data field' }])).toThrow(/not to equal/);
  // A back delivers and empties the buffer.
  await ftHost.back();
  expect(ftHost).toHavePendingMessages([]);
});

test('pendingMessages names what is missing instead of throwing a TypeError', () => {
  expect(() => kit.pendingMessages(undefined)).toThrow('ft-polyfill: pendingMessages(host) needs a ready ftHost (await ftHost.ready)');
});

test('ftHost.har() and ftHost.calls() in Node: the record stays off the call log\'s JSON', async () => {
  ftHost.mock('request', { statusCode: 201, header: { 'content-type': 'application/json' }, data: { mocked: true } });
  await ft.request({ url: 'https://api.example.com/items?page=2', method: 'POST', data: { id: 1 } });
  const har = await ftHost.har();
  const entry = har.log.entries.find((e) => e.request.url === 'https://api.example.com/items?page=2');
  expect(entry).toMatchObject({
    _ftApi: 'request', _ftMock: "ftHost.mock('request')",
    request: { method: 'POST', postData: { mimeType: 'application/json', text: '{"id":1}' }, queryString: [{ name: 'page', value: '2' }] },
    response: { status: 201, content: { mimeType: 'application/json', text: '{"mocked":true}' } },
  });
  const call = ftHost.calls().find((c) => c.api === 'request');
  expect(Object.keys(call).sort()).toEqual(['api', 'args', 'duration', 'result', 'time']);
  expect(JSON.stringify(call)).not.toContain('plan');
});
