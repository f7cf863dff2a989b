// The simulator shell's stylesheet, adopted by its shadow root as a constructable stylesheet
// (ui-style.js), so the shell page's strict CSP (style-src 'self') allows it.

export const SIMULATOR_CSS = `
:host { all: initial; display: block; min-height: 100vh; background: #e9ebef; color: #1f2329;
  font: 13px/1.4 -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
button, select, input, textarea { font: inherit; color: inherit; }
:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
.bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 6px 12px; background: #1f2329; color: #fff; }
.bar .brand { font-weight: 600; margin-right: 4px; }
.bar label { display: flex; gap: 4px; align-items: center; font-size: 12px; opacity: .9; }
.bar select, .bar button { background: #2e333b; color: #fff; border: 1px solid #4e5969; border-radius: 6px; padding: 2px 8px; cursor: pointer; }
.bar button:hover { background: #3a404a; }
.bar .url { flex: 1; min-width: 120px; font: 12px ui-monospace, Menlo, Consolas, monospace; opacity: .8;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.main { display: flex; gap: 16px; align-items: flex-start; padding: 16px; flex-wrap: wrap; }
.main.landscape { flex-wrap: nowrap; }
.main.landscape .stage { flex: none; }
.stage { flex: 1 1 auto; display: flex; justify-content: center; min-width: 0; }
.phone { flex-shrink: 0; padding: 12px; border-radius: 44px; background: #15171a; box-shadow: 0 8px 28px rgba(0,0,0,.25); }
.screen { position: relative; display: flex; flex-direction: column; overflow: hidden; border-radius: 32px; background: #fff; }
.status { display: flex; align-items: flex-end; justify-content: space-between; padding: 0 22px 4px; font-size: 12px;
  font-weight: 600; background: #f7f7f7; flex-shrink: 0; }
.status .net { font-weight: 500; }
.status .net.bad { color: #cb2634; }
.nav { position: relative; display: flex; align-items: center; justify-content: center; flex-shrink: 0; background: #f7f7f7;
  border-bottom: 1px solid #e5e6eb; }
.nav .back { position: absolute; left: 4px; top: 50%; transform: translateY(-50%); border: 0; background: none; font-size: 26px;
  line-height: 1; padding: 2px 10px; cursor: pointer; }
.nav .back[hidden] { display: none; }
.nav .title { max-width: calc(100% - 200px); font-size: 16px; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.capsule { position: absolute; right: 8px; top: 50%; transform: translateY(-50%); display: flex; height: 32px;
  border: 1px solid #d9dbe0; border-radius: 16px; background: rgba(255,255,255,.7); overflow: hidden; }
.capsule button { width: 44px; border: 0; background: none; cursor: pointer; font-size: 14px; font-weight: 700; letter-spacing: 1px; }
.capsule button + button { border-left: 1px solid #d9dbe0; }
.capsule button:hover { background: #eef0f3; }
.menu { position: absolute; right: 8px; z-index: 5; min-width: 180px; background: #fff; border: 1px solid #d9dbe0; border-radius: 10px;
  box-shadow: 0 6px 20px rgba(0,0,0,.18); padding: 4px; display: flex; flex-direction: column; }
.menu[hidden] { display: none; }
.menu button { text-align: left; border: 0; background: none; padding: 8px 10px; border-radius: 6px; cursor: pointer; }
.menu button:hover, .menu button:focus-visible { background: #eef0f3; }
.view { position: relative; flex: 1; min-height: 0; background: #fff; }
.view iframe { display: block; border: 0; width: 100%; height: 100%; background: #fff; }
.view iframe.hidden { visibility: hidden; }
.cover { position: absolute; inset: 0; z-index: 3; overflow: auto; padding: 16px; background: #f7f8fa; display: flex; flex-direction: column; gap: 10px; }
.cover .kind { font-size: 12px; color: #86909c; text-transform: uppercase; letter-spacing: .04em; }
.cover .route { font: 600 14px ui-monospace, Menlo, Consolas, monospace; word-break: break-all; }
.cover dl { margin: 0; display: grid; grid-template-columns: auto 1fr; gap: 4px 10px; font-size: 13px; }
.cover dt { color: #86909c; font-family: ui-monospace, Menlo, Consolas, monospace; }
.cover dd { margin: 0; word-break: break-all; font-family: ui-monospace, Menlo, Consolas, monospace; }
.cover .note { color: #4e5969; font-size: 12px; }
.cover.dim { background: rgba(31,35,41,.82); color: #fff; align-items: center; justify-content: center; text-align: center; }
.cover.dim .note { color: #e5e6eb; }
.tabs { display: flex; flex-shrink: 0; border-top: 1px solid #e5e6eb; background: #fafafa; }
.tabs[hidden] { display: none; }
.tabs button { flex: 1; border: 0; background: none; cursor: pointer; font-size: 12px; color: #4e5969; display: flex; flex-direction: column;
  align-items: center; justify-content: center; gap: 2px; overflow: hidden; }
.tabs button .dot { width: 6px; height: 6px; border-radius: 3px; background: transparent; }
.tabs button.on { color: #07c160; font-weight: 600; }
.tabs button.on .dot { background: #07c160; }
.side { flex: 0 1 420px; min-width: 300px; display: flex; flex-direction: column; gap: 10px; }
section { background: #fff; border: 1px solid #e5e6eb; border-radius: 8px; padding: 8px 10px; }
h2, section > h3 { margin: 0 0 6px; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #4e5969; font-weight: 600; }
.row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.row + .row, .row + textarea, textarea + .row { margin-top: 6px; }
.b { border: 1px solid #c9cdd4; background: #fff; border-radius: 6px; padding: 3px 10px; cursor: pointer; }
.b:hover { background: #f2f3f5; }
.b.primary { background: #07c160; border-color: #07c160; color: #fff; }
.b[disabled] { opacity: .5; cursor: default; }
input, textarea, select.f { font: 12px ui-monospace, Menlo, Consolas, monospace; border: 1px solid #c9cdd4; border-radius: 6px; padding: 3px 6px; background: #fff; }
input { flex: 1; min-width: 70px; }
input[type=checkbox] { flex: none; min-width: 0; margin: 0; }
input.n { flex: 0 1 110px; }
textarea { width: 100%; resize: vertical; }
label.t { font-size: 12px; color: #4e5969; display: flex; align-items: center; gap: 4px; }
.seg { display: inline-flex; border: 1px solid #c9cdd4; border-radius: 6px; overflow: hidden; }
.seg button { border: 0; background: #fff; padding: 3px 10px; cursor: pointer; }
.seg button + button { border-left: 1px solid #c9cdd4; }
.seg button[aria-pressed="true"] { background: #1f2329; color: #fff; }
.out { font: 12px ui-monospace, Menlo, Consolas, monospace; color: #4e5969; word-break: break-all; white-space: pre-wrap; margin-top: 4px; min-height: 1em; }
.out.bad { color: #cb2634; }
.hint { font-size: 12px; color: #86909c; margin-top: 4px; }
.list { list-style: none; margin: 0; padding: 0; font: 12px ui-monospace, Menlo, Consolas, monospace; max-height: 220px; overflow: auto; }
.list.short { max-height: 120px; }
.list.prose li { word-break: normal; overflow-wrap: anywhere; }
.list li { padding: 3px 0; border-top: 1px solid #f2f3f5; word-break: break-all; }
.list li:first-child { border-top: 0; }
.api { font-weight: 600; }
.ok { color: #00a854; } .fail { color: #cb2634; }
.args, .ms { color: #86909c; }
.list li.call { cursor: pointer; } .list pre.args { margin: 2px 0 0; white-space: pre-wrap; word-break: break-all; font: inherit; }
.empty { color: #86909c; }
.stack { list-style: none; margin: 0 0 8px; padding: 0; display: flex; flex-direction: column-reverse; gap: 3px; font: 12px ui-monospace, Menlo, Consolas, monospace; }
.stack li { padding: 2px 6px; border-radius: 5px; background: #f2f3f5; word-break: break-all; }
.stack li.top { background: #e8f3ff; }
.badge { font-size: 10px; padding: 0 5px; border-radius: 8px; background: #07c160; color: #fff; margin-left: 4px; }
.badge.off { background: #86909c; }
details.launch { margin-top: 6px; }
details.launch summary { cursor: pointer; font-size: 12px; color: #1677ff; }
details.launch > * + * { margin-top: 6px; }
input.link { font-size: 11px; }
`;
