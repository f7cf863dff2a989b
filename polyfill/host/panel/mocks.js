// The "Mocks" section of the host panel and the simulator: the rules of ftHostConfig.mocks
// (docs/guides/mocks.md) edited in place: request rules (add, reorder, delete), the unmatched
// policy, native answers (success, fail with a reason, a delay, or "ask me": each call waits for a
// person to answer it here), and the whole as a JSON file (import, export). What it edits is a
// MocksModel: the host panel's applies to its own instance (mocks/rules.js setMocks), the
// simulator's to its frame's. Page-provided strings are rendered as text (dom.js).

import { h, parseJson, preview } from './dom.js';
import { setMocks } from '../../mocks/rules.js';
import { NATIVE, REQUEST_FAILS, UNMATCHED } from '../../mocks/check.js';

/**
 * What the section edits: `read` the mocks configuration in use, `write` one in its place (its
 * problems, '' each part that is well-formed), `on` re-renders when it changes from elsewhere.
 * `on` returns its undoing: the section stops listening once it is no longer in a document.
 * @typedef {{ read: () => any, write: (mocks: any) => string[] | Promise<string[]>, on?: (fn: () => void) => () => void }} MocksModel
 */

/**
 * The host panel's model: the instance's own mocks, until the next configure or reset.
 * @param {import('../../runtime.js').Runtime} runtime @param {import('../bridge.js').HostBridge} host
 * @param {import('../../impl/device/mocks.js').Mocks} mocks @returns {MocksModel}
 */
export const instanceModel = (runtime, host, mocks) => ({
  read: () => mocks.config,
  write: (next) => setMocks(runtime, host, mocks, next).problems,
  on: (fn) => {
    runtime.on('host', fn);
    return () => runtime.off('host', fn);
  },
});

/**
 * The simulator's model: its frame's instance, through the frame's ftHost.configure (the page's
 * own ftHostConfig with these mocks); `keep` gets each edit, for the frame's next page (a reload).
 * @param {() => import('../simulator/frame.js').Frame | null} frame
 * @param {(mocks: unknown) => void} [keep] @returns {MocksModel}
 */
export function frameModel(frame, keep) {
  /** @type {unknown} */
  let edited;
  // Every section over this model re-renders after any writer (the network's "Mock this response").
  /** @type {Set<() => void>} */
  const listeners = new Set();
  const config = () => { const f = frame(); return f && f.win.ftHostConfig && typeof f.win.ftHostConfig === 'object' ? f.win.ftHostConfig : {}; };
  return {
    read: () => (edited === undefined ? /** @type {any} */ (config()).mocks : edited),
    write: (next) => {
      edited = next;
      if (keep) keep(next);
      const f = frame();
      if (!f) return ['no page with ft-polyfill in the frame'];
      return f.ftHost.configure({ ...config(), mocks: next }).then(() => [], (/** @type {Error} */ e) => [String(e && e.message).replace(/^ftHost\.configure: /, '')])
        .then((/** @type {string[]} */ problems) => { listeners.forEach((fn) => fn()); return problems; });
    },
    // The frame's page comes and goes (loads, reloads) without telling the section: a look twice a second.
    on: (fn) => {
      let seen = frame();
      listeners.add(fn);
      const timer = setInterval(() => {
        const f = frame();
        if (f === seen) return;
        seen = f;
        edited = undefined;
        fn();
      }, 500);
      return () => {
        clearInterval(timer);
        listeners.delete(fn);
      };
    },
  };
}

/**
 * A configuration as a JSON file: RegExps as "/re/flags"; "ask me" answers (functions) left out.
 * @param {unknown} mocks @returns {string}
 */
export const mocksJson = (mocks) => JSON.stringify(mocks || {}, (_, v) => (v instanceof RegExp ? String(v) : typeof v === 'function' ? undefined : v), 2);

/**
 * @param {Document} doc @param {MocksModel} model
 * @returns {HTMLElement} the section, rendered now and on every change
 */
export function mocksSection(doc, model) {
  /** @type {Array<{ api: string, options: unknown, answer: (value: unknown) => void }>} */
  const waiting = [];
  const out = h(doc, 'div', { class: 'out', role: 'status' });
  const rules = h(doc, 'ol', { class: 'list', 'aria-label': 'request rules' });
  const answers = h(doc, 'ul', { class: 'list', 'aria-label': 'native answers' });
  const asks = h(doc, 'ul', { class: 'list', 'aria-label': 'calls waiting for an answer' });
  /** @param {string} label @param {() => unknown} onclick @param {string} [cls] */
  const button = (label, onclick, cls = 'b') => h(doc, 'button', { type: 'button', class: cls, onclick }, [label]);
  /** @param {string} label @param {string[]} values @param {string} [value] */
  const select = (label, values, value) => {
    const el = /** @type {HTMLSelectElement} */ (h(doc, 'select', { 'aria-label': label }, values.map((v) => h(doc, 'option', { value: v }, [v || '(none)']))));
    if (value !== undefined) el.value = value;
    return el;
  };
  /** @param {string} label @param {string} placeholder @param {string} [type] */
  const input = (label, placeholder, type = 'text') => /** @type {HTMLInputElement} */ (h(doc, 'input', { type, 'aria-label': label, placeholder }));
  /** @param {string} label @param {string} placeholder */
  const area = (label, placeholder) => /** @type {HTMLTextAreaElement} */ (h(doc, 'textarea', { rows: 2, 'aria-label': label, placeholder }));

  /** The configuration in use, as a fresh object to edit. @returns {Record<string, any>} */
  const current = () => {
    const m = model.read();
    return m && typeof m === 'object' ? { ...m, request: Array.isArray(m.request) ? [...m.request] : [], callNativeAPI: { ...(m.callNativeAPI || {}) } } : { request: [], callNativeAPI: {} };
  };
  /** @param {Record<string, any>} next */
  const write = async (next) => {
    const problems = await model.write(next);
    out.textContent = problems.length ? problems.join('; ') : 'applied';
    out.className = problems.length ? 'out bad' : 'out';
    render();
  };

  // ---- request rules ----------------------------------------------------------------------------
  const ruleUrl = input('rule url', 'https://api.example.com/goods* or /re/flags');
  const ruleMethod = input('rule method', 'any method');
  const ruleResponse = area('rule response JSON', '{"statusCode": 200, "header": {}, "data": {"items": []}}');
  const ruleFail = select('rule fail', ['', ...Object.keys(REQUEST_FAILS)]);
  const ruleDelay = input('rule delay ms', 'delay ms', 'number');
  const unmatched = select('unmatched requests', UNMATCHED);
  unmatched.addEventListener('change', () => write({ ...current(), unmatched: unmatched.value }));
  const addRule = () => {
    /** @type {Record<string, unknown>} */
    const rule = { url: ruleUrl.value.trim() };
    if (ruleMethod.value.trim()) rule.method = ruleMethod.value.trim().toUpperCase();
    if (ruleFail.value) rule.fail = ruleFail.value;
    else {
      const parsed = parseJson(ruleResponse.value, {});
      if ('error' in parsed) return write(current()).then(() => { out.textContent = parsed.error; out.className = 'out bad'; });
      rule.response = parsed.value;
    }
    if (ruleDelay.value) rule.delay = Number(ruleDelay.value);
    const next = current();
    next.request.push(rule);
    return write(next);
  };
  /** @param {number} i @param {number} to  -1 removes */
  const moveRule = (i, to) => {
    const next = current();
    const [rule] = next.request.splice(i, 1);
    if (to >= 0) next.request.splice(to, 0, rule);
    return write(next);
  };

  // ---- native answers ---------------------------------------------------------------------------
  const answerApi = select('answered interface', ['callNativeAPI', ...NATIVE]);
  const answerName = input('native API name', 'name (callNativeAPI)');
  const answerMode = select('answer mode', ['success', 'fail', 'ask me'], 'success');
  const answerFields = area('answer fields JSON', '{"data": {"name": "Ada"}}');
  const answerReason = input('fail reason', 'reason, e.g. cancel');
  const answerDelay = input('answer delay ms', 'delay ms', 'number');
  const setAnswer = () => {
    const api = answerApi.value;
    const name = answerName.value.trim();
    /** @type {unknown} */
    let answer;
    if (answerMode.value === 'ask me') {
      const label = api === 'callNativeAPI' ? `callNativeAPI ${name}` : api;
      answer = Object.assign((/** @type {unknown} */ options) => new Promise((resolve) => {
        waiting.push({ api: label, options, answer: resolve });
        render();
      }), { ask: true });
    } else {
      const parsed = answerMode.value === 'fail' ? { value: { fail: answerReason.value.trim() || 'cancel' } } : parseJson(answerFields.value, {});
      if ('error' in parsed) {
        out.textContent = parsed.error;
        out.className = 'out bad';
        return undefined;
      }
      answer = { ...(/** @type {object} */ (parsed.value)), ...(answerDelay.value ? { delay: Number(answerDelay.value) } : {}) };
    }
    const next = current();
    if (api === 'callNativeAPI') next.callNativeAPI[name] = answer;
    else next[api] = answer;
    return write(next);
  };
  /** @param {string} api @param {string} [name] */
  const removeAnswer = (api, name) => {
    const next = current();
    if (name !== undefined) delete next.callNativeAPI[name];
    else delete next[api];
    return write(next);
  };

  // ---- the file ---------------------------------------------------------------------------------
  const file = area('mocks JSON', '{"request": [], "unmatched": "pass", "callNativeAPI": {}}');
  const importFile = () => {
    const parsed = parseJson(file.value, {});
    if ('error' in parsed) {
      out.textContent = parsed.error;
      out.className = 'out bad';
      return undefined;
    }
    return write(/** @type {any} */ (parsed.value));
  };
  const exportFile = () => {
    file.value = mocksJson(model.read());
    const link = /** @type {HTMLAnchorElement} */ (h(doc, 'a', { download: 'mocks.json', href: `data:application/json,${encodeURIComponent(file.value)}` }));
    link.click();
  };

  /** @param {unknown} answer */
  const describe = (answer) => (typeof answer === 'function' ? (/** @type {any} */ (answer).ask ? 'ask me' : 'ƒ') : preview(answer, 120));
  function render() {
    const m = current();
    unmatched.value = UNMATCHED.includes(m.unmatched) ? m.unmatched : 'pass';
    rules.replaceChildren(...(m.request.length ? [] : [h(doc, 'li', { class: 'empty' }, ['no rules: every request goes to the network'])]));
    m.request.forEach((/** @type {any} */ rule, /** @type {number} */ i) => {
      const what = rule && rule.fail ? `fail ${rule.fail}` : rule && rule.response ? `${rule.response.statusCode ?? 200} ${preview(rule.response.data ?? '', 60)}` : '?';
      rules.append(h(doc, 'li', { class: 'row' }, [
        h(doc, 'span', { class: 'api' }, [String((rule && rule.method) || '*')]), ' ', h(doc, 'span', {}, [String(rule && rule.url)]),
        h(doc, 'span', { class: 'args' }, [` → ${what}${rule && rule.delay ? ` after ${rule.delay} ms` : ''}`]),
        // No ↑ on the first rule nor ↓ on the last: moveRule(0, -1) would remove it.
        i > 0 ? button('↑', () => moveRule(i, i - 1)) : null, i < m.request.length - 1 ? button('↓', () => moveRule(i, i + 1)) : null, button('×', () => moveRule(i, -1)),
      ]));
    });
    const rows = [...Object.entries(m.callNativeAPI).map(([name, a]) => h(doc, 'li', { class: 'row' }, [h(doc, 'span', { class: 'api' }, [`callNativeAPI ${name}`]), ' ', describe(a), button('×', () => removeAnswer('callNativeAPI', name))])),
      ...NATIVE.filter((api) => api in m).map((api) => h(doc, 'li', { class: 'row' }, [h(doc, 'span', { class: 'api' }, [api]), ' ', describe(m[api]), button('×', () => removeAnswer(api))]))];
    answers.replaceChildren(...(rows.length ? rows : [h(doc, 'li', { class: 'empty' }, ['none'])]));
    asks.replaceChildren(...waiting.map((call) => {
      const fields = area('answer fields JSON', '{}');
      const reason = input('fail reason', 'cancel');
      /** @param {unknown} value */
      const settle = (value) => {
        waiting.splice(waiting.indexOf(call), 1);
        call.answer(value);
        render();
      };
      return h(doc, 'li', {}, [h(doc, 'span', { class: 'api' }, [call.api]), ' ', h(doc, 'span', { class: 'args' }, [preview(call.options, 160)]), fields,
        h(doc, 'div', { class: 'row' }, [
          button('Succeed', () => {
            const parsed = parseJson(fields.value, {});
            if (!('error' in parsed)) settle(parsed.value);
          }, 'b primary'),
          reason, button('Fail', () => settle({ fail: reason.value.trim() || 'cancel' })),
        ])]);
    }));
    asks.hidden = waiting.length === 0;
  }
  render();

  const section = h(doc, 'section', { 'aria-label': 'Mocks', 'data-section': 'mocks' }, [
    h(doc, 'h3', {}, ['Mocks (ftHostConfig.mocks)']),
    asks,
    rules,
    h(doc, 'div', { class: 'row' }, [ruleMethod, ruleUrl]), ruleResponse,
    h(doc, 'div', { class: 'row' }, [ruleFail, ruleDelay, button('Add rule', addRule, 'b primary')]),
    h(doc, 'div', { class: 'row' }, ['unmatched requests: ', unmatched]),
    answers,
    h(doc, 'div', { class: 'row' }, [answerApi, answerName, answerMode]), answerFields,
    h(doc, 'div', { class: 'row' }, [answerReason, answerDelay, button('Set answer', setAnswer, 'b primary')]),
    file,
    h(doc, 'div', { class: 'row' }, [button('Import', importFile), button('Export', exportFile)]),
    out,
  ]);
  const stop = model.on ? model.on(() => (section.isConnected ? render() : stop())) : () => {};
  return section;
}
