// What the host panel's and the simulator's devtools sections read, in every engine: the pending
// postMessage data of the host state (§4.1) and ftHost.har() (the network record of ft.request
// and the page's own fetch).

/** @type {Record<string, import('../../../bin/server.js').RouteHandler>} */
export const routes = {
  '/engines/devtools/data.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'x-engine-case': 'devtools' });
    res.end('{"teas":3}');
  },
};

/** @type {import('../../helpers/engines.js').EngineCase[]} */
export const cases = [
  {
    name: 'the host state lists the pending postMessage data: what a share, back or destroy delivers now (§4.1)',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ stack: ['pages/index/index', 'pages/web/web'] }));
      const out = await page.evaluate(async () => {
        await ftHost.ready;
        const empty = ftHost.state().pendingData;
        await ft.miniProgram.postMessage({ data: { step: 1 } });
        await ft.miniProgram.postMessage({ foo: 'no data field', when: new Date(0) });
        const posted = ftHost.state().pendingData;
        await ftHost.share();
        const afterShare = ftHost.state().pendingData;
        await ft.miniProgram.navigateBack();
        return { empty, posted, afterShare, afterBack: ftHost.state().pendingData, count: ftHost.state().pendingMessages };
      });
      expect(out.empty).toEqual([]);
      // The JSON copy taken at call time (§1.14): a Date as its ISO string.
      expect(out.posted).toEqual([{ step: 1 }, { foo: 'no data field', when: '1970-01-01T00:00:00.000Z' }]);
      expect(out.afterShare).toEqual(out.posted);
      expect([out.afterBack, out.count]).toEqual([[], 0]);
    },
  },
  {
    name: 'ftHost.har() is a HAR 1.2 log of ft.request and the page\'s fetch; ftHost.calls() stays plain JSON',
    async run(browser) {
      const page = await browser.open(browser.pageUrl({ appId: 'engines-devtools' }));
      const out = await page.evaluate(async () => {
        await ftHost.ready;
        const url = new URL('/engines/devtools/data.json?n=1', location.href).href;
        await ftHost.har();  // loads the host UI, which records the page's fetch from now on
        const r = await ft.request({ url, header: { 'x-trace': 'case' } });
        const own = await fetch('/engines/devtools/data.json?own=1').then((res) => res.text());
        const har = await ftHost.har();
        const calls = JSON.parse(JSON.stringify(ftHost.calls()));
        return { data: r.data, own, har, call: calls.find((/** @type {any} */ c) => c.api === 'request') };
      });
      expect(out.data).toEqual({ teas: 3 });
      expect(out.own).toBe('{"teas":3}');
      expect(out.har.log.version).toBe('1.2');
      const entries = out.har.log.entries.map((/** @type {any} */ e) => [e._ftApi, e.request.method, e.request.url.replace(/^https?:\/\/[^/]+/, ''), e.response.status, e.response.content.text]);
      expect(entries).toEqual([
        ['request', 'GET', '/engines/devtools/data.json?n=1', 200, '{"teas":3}'],
        ['fetch', 'GET', '/engines/devtools/data.json?own=1', 200, '{"teas":3}'],
      ]);
      const request = out.har.log.entries[0];
      expect(request.request.headers).toContainEqual({ name: 'x-trace', value: 'case' });
      expect(request.response.headers).toContainEqual({ name: 'x-engine-case', value: 'devtools' });
      expect(Object.keys(out.call).sort()).toEqual(['api', 'args', 'duration', 'result', 'time']);
    },
  },
];
