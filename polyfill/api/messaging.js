// The messaging interfaces (polyfill/impl/messaging.js): messages and events between the page and
// the host, page lifecycle listeners, native API handlers (behaviour.md §4).
import { cb } from './params.js';

/** @type {import('../api-table.js').ApiDef[]} */
export default [
  {
    name: 'postMessage', ns: 'miniProgram', since: '1.0.0', style: 'positional', concern: 'messaging',
    params: [{ name: 'message', type: 'object', required: true, json: true, ts: 'Record<string, unknown>' }],
    doc: 'Buffer a message for the host; delivered at back, destroy and share.',
    note: 'delivered to ftHost `message` listeners at back, destroy and share',
  },
  {
    name: 'onShow', ns: 'miniProgram', since: '1.0.6', style: 'positional', concern: 'messaging',
    params: [{ ...cb, ts: '(res: { data: Record<string, string> }) => void' }],
    doc: 'Listen for the page being shown.',
    note: 'fired by the simulated host (ftHost.show, a page popped back)',
  },
  {
    name: 'onHide', ns: 'miniProgram', since: '1.0.8', style: 'positional', concern: 'messaging',
    params: [{ ...cb, ts: '(res: Record<string, unknown>) => void' }],
    doc: 'Listen for the page being hidden.',
  },
  {
    name: 'onUnload', ns: 'miniProgram', since: '1.0.8', style: 'positional', concern: 'messaging',
    params: [{ ...cb, ts: '(res: Record<string, unknown>) => void' }],
    doc: 'Listen for the web-view page being closed.',
  },
  {
    name: 'onWebviewEvent', ns: 'miniProgram', since: '1.4.1', style: 'positional', concern: 'messaging',
    params: [{ ...cb, ts: '(data: any) => void' }],
    doc: 'Listen for events the host sends with sendWebviewEvent.',
  },
  {
    name: 'offWebviewEvent', ns: 'miniProgram', since: '1.4.1', style: 'positional', concern: 'messaging',
    params: [{ ...cb, required: false, ts: '(data: any) => void' }],
    doc: 'Remove one listener, or all without an argument.',
  },
  {
    name: 'sendWebviewEvent', ns: 'miniProgram', since: '1.4.1', style: 'positional', concern: 'messaging',
    params: [{ name: 'data', type: 'object', required: true, json: true, ts: 'Record<string, unknown>' }],
    doc: "Trigger the web-view's bindevent at once.",
    note: 'delivered to ftHost `event` listeners',
  },
  {
    name: 'callNativeAPI', ns: 'ft', since: '1.4.1', style: 'positional', promise: true, concern: 'messaging',
    params: [{ name: 'name', type: 'string', required: true }, { name: 'data', type: 'object', json: true, ts: 'Record<string, unknown>' }, { name: 'callback', type: 'function', callback: true, ts: '(res: any) => void' }],
    doc: 'Call a native API registered by the host.',
    note: 'answered by ftHost.registerNativeAPI handlers',
  },
  {
    name: 'registNativeAPIHandler', ns: 'ft', since: '1.4.1', style: 'positional', concern: 'messaging',
    params: [{ name: 'name', type: 'string', required: true }, { ...cb, ts: '(data: any) => unknown' }],
    doc: 'Register the one handler the host calls under a name (not recommended).',
  },
  {
    name: 'complete', ns: 'ft', since: '1.4.11', style: 'positional', concern: 'messaging',
    params: [],
    doc: 'Tell the host the page has loaded (stops the web-view load timeout).',
    note: 'stops the simulated web-view load timeout',
  },
  {
    name: 'onNativeAPIHandler', ns: 'ft', since: '1.4.20', style: 'positional', concern: 'messaging',
    params: [{ name: 'name', type: 'string', required: true }, { ...cb, ts: '(data: any) => unknown' }],
    doc: 'Add a handler the host can call under a name.',
  },
  {
    name: 'offNativeAPIHandler', ns: 'ft', since: '1.4.20', style: 'positional', concern: 'messaging',
    params: [{ name: 'name', type: 'string', required: true }, { ...cb, required: false, ts: '(data: any) => unknown' }],
    doc: 'Remove a handler added with onNativeAPIHandler.',
  },
];
