// The panel's stylesheet, scoped to its shadow root (the page's styles do not reach it and it
// does not reach the page). `:host { all: initial }` cuts inheritance from the page too.

export const PANEL_WIDTH = 380;

export const PANEL_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.root { position: fixed; top: 0; right: 0; bottom: 0; width: ${PANEL_WIDTH}px; z-index: 2147483646;
  display: flex; flex-direction: column; background: #eef0f3; color: #1f2329; border-left: 1px solid #c9cdd4;
  font: 13px/1.4 -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  box-shadow: -4px 0 16px rgba(0,0,0,.08); max-width: 100vw; }
.root[hidden], .handle[hidden] { display: none; }
.handle { position: fixed; right: 0; top: 50%; transform: translateY(-50%); z-index: 2147483646; width: 24px; padding: 10px 0;
  border: 0; border-radius: 8px 0 0 8px; background: #1f2329; color: #fff; cursor: pointer; writing-mode: vertical-rl;
  font: 600 11px/1 -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; letter-spacing: .05em;
  box-shadow: -2px 0 8px rgba(0,0,0,.2); }
.handle:focus-visible, .head button:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
.head { display: flex; align-items: center; gap: 8px; padding: 6px 10px; background: #1f2329; color: #fff; font-size: 12px; }
.head .brand { font-weight: 600; }
.head .app { opacity: .75; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; flex: 1; }
.head button { background: transparent; color: #fff; border: 0; font-size: 16px; cursor: pointer; padding: 0 4px; }
.scroll { flex: 1; overflow: auto; padding: 10px; display: flex; flex-direction: column; gap: 10px; }
.scroll > * { flex-shrink: 0; }
.phone { background: #fff; border: 1px solid #c9cdd4; border-radius: 14px; overflow: hidden; }
.navbar { display: grid; grid-template-columns: 56px 1fr 56px; align-items: center; height: 40px;
  background: #f7f7f7; border-bottom: 1px solid #e5e6eb; }
.navbar .back { justify-self: start; margin-left: 6px; border: 0; background: none; font-size: 22px; line-height: 1;
  cursor: pointer; color: #1f2329; padding: 2px 8px; }
.navbar .back[disabled] { visibility: hidden; }
.navbar .title { text-align: center; font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.navbar .capsule { justify-self: end; margin-right: 8px; width: 44px; height: 22px; border: 1px solid #d0d3d9;
  border-radius: 11px; display: flex; align-items: center; justify-content: space-around; font-size: 10px; color: #555; }
.screen { min-height: 120px; padding: 8px 10px; position: relative; }
.stack { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column-reverse; gap: 4px; }
.stack li { display: flex; gap: 6px; align-items: baseline; padding: 4px 6px; border-radius: 6px; background: #f2f3f5;
  font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
.stack li.top { background: #e8f3ff; outline: 1px solid #bedaff; }
.stack .n { color: #86909c; min-width: 16px; }
.badge { font-family: inherit; font-size: 10px; padding: 0 5px; border-radius: 8px; background: #07c160; color: #fff; white-space: nowrap; }
.badge.off { background: #86909c; }
.cover { margin-top: 8px; padding: 8px; border-radius: 8px; background: #fff7e8; border: 1px solid #ffd591; }
.cover .route { font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 600; word-break: break-all; }
.cover dl { margin: 4px 0; display: grid; grid-template-columns: auto 1fr; gap: 2px 8px; font-size: 12px; }
.cover dt { color: #86909c; } .cover dd { margin: 0; word-break: break-all; }
.status { margin-top: 8px; font-size: 12px; color: #86909c; }
.status.bad { color: #cb2634; }
.tabbar { display: flex; border-top: 1px solid #e5e6eb; background: #fafafa; }
.tabbar button { flex: 1; border: 0; background: none; padding: 7px 2px; font-size: 11px; color: #4e5969; cursor: pointer;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.tabbar button.on { color: #07c160; font-weight: 600; }
section { background: #fff; border: 1px solid #e5e6eb; border-radius: 8px; padding: 8px; }
section h3 { margin: 0 0 6px; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #86909c; font-weight: 600; }
.row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.row + .row { margin-top: 6px; }
button.b { border: 1px solid #c9cdd4; background: #fff; border-radius: 6px; padding: 3px 10px; font: inherit; cursor: pointer; color: #1f2329; }
button.b:hover { background: #f2f3f5; }
button.b.primary { background: #07c160; border-color: #07c160; color: #fff; }
input, textarea { font: 12px ui-monospace, Menlo, Consolas, monospace; border: 1px solid #c9cdd4; border-radius: 6px; padding: 3px 6px;
  color: #1f2329; background: #fff; }
input { flex: 1; min-width: 80px; }
textarea { width: 100%; resize: vertical; }
.out { font: 12px ui-monospace, Menlo, Consolas, monospace; color: #4e5969; word-break: break-all; white-space: pre-wrap; margin-top: 4px; }
.out.bad { color: #cb2634; }
.list { list-style: none; margin: 0; padding: 0; font: 12px ui-monospace, Menlo, Consolas, monospace; }
.list li { padding: 3px 0; border-top: 1px solid #f2f3f5; word-break: break-all; }

.list.scrolled { max-height: 150px; overflow: auto; } .list.short { max-height: 90px; }
.list li:first-child { border-top: 0; }
.list.prose li { word-break: normal; overflow-wrap: anywhere; }
.list .api { font-weight: 600; color: #1f2329; }
.list .ok { color: #00a854; } .list .fail { color: #cb2634; }
.list .args { color: #86909c; }
.list li.call { cursor: pointer; } .list pre.args { margin: 2px 0 0; white-space: pre-wrap; word-break: break-all; font: inherit; }
.empty { color: #86909c; font-size: 12px; }
`;
