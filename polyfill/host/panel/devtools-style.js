// The stylesheet of the devtools sections (storage, network, pending postMessage data), adopted
// by their own shadow root (devtools-view.js), so the host panel and the simulator show them alike.

export const DEVTOOLS_CSS = `
:host { all: initial; display: flex; flex-direction: column; gap: 10px; color: #1f2329;
  font: 13px/1.4 -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
section { background: #fff; border: 1px solid #e5e6eb; border-radius: 8px; padding: 8px; min-width: 0; }
h3 { margin: 0 0 6px; font-size: 11px; text-transform: uppercase; letter-spacing: .04em; color: #86909c; font-weight: 600; }
h4 { margin: 6px 0 2px; font-size: 11px; color: #4e5969; font-weight: 600; }
.row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
.row + .row, .row + table, table + .row { margin-top: 6px; }
button { border: 1px solid #c9cdd4; background: #fff; border-radius: 6px; padding: 2px 8px; font: inherit; font-size: 12px; cursor: pointer; color: #1f2329; }
button:hover { background: #f2f3f5; }
button.primary { background: #07c160; border-color: #07c160; color: #fff; }
input, select, textarea { font: 12px ui-monospace, Menlo, Consolas, monospace; border: 1px solid #c9cdd4; border-radius: 6px; padding: 2px 6px; color: #1f2329; background: #fff; }
input { flex: 1; min-width: 70px; }
textarea { width: 100%; resize: vertical; }
:focus-visible { outline: 2px solid #1677ff; outline-offset: 1px; }
.out { font: 12px ui-monospace, Menlo, Consolas, monospace; color: #4e5969; white-space: pre-wrap; word-break: break-all; margin-top: 4px; }
.out.bad { color: #cb2634; }
.empty { color: #86909c; font-size: 12px; }
.scroll { max-height: 280px; overflow: auto; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font: 12px ui-monospace, Menlo, Consolas, monospace; }
th { text-align: left; font: 600 11px -apple-system, "Segoe UI", Roboto, sans-serif; color: #86909c; padding: 2px 4px; border-bottom: 1px solid #e5e6eb; }
td { padding: 2px 4px; border-top: 1px solid #f2f3f5; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: top; }
tr.entry { cursor: pointer; } tr.entry:hover td { background: #f7f8fa; } tr.on td { background: #e8f3ff; }
td.detail { white-space: normal; background: #fafbfc; }
.num { text-align: right; } .ok { color: #00a854; } .bad, .fail { color: #cb2634; } .dim { color: #86909c; }
.tag { font-size: 10px; padding: 0 4px; border-radius: 6px; background: #e5e6eb; color: #4e5969; }
.tag.mock { background: #fff1d6; color: #ad6800; } .tag.fetch { background: #e8f3ff; color: #0e42d2; }
pre { margin: 0; max-height: 200px; overflow: auto; white-space: pre-wrap; word-break: break-all; font: 12px ui-monospace, Menlo, Consolas, monospace; background: #f7f8fa; padding: 4px; border-radius: 4px; }
dl { margin: 0; display: grid; grid-template-columns: minmax(60px, max-content) 1fr; gap: 0 8px; font: 12px ui-monospace, Menlo, Consolas, monospace; }
dt { color: #86909c; } dd { margin: 0; word-break: break-all; }
progress { width: 100%; height: 8px; }
ol.pending { margin: 0; padding-left: 20px; font: 12px ui-monospace, Menlo, Consolas, monospace; }
ol.pending li { padding: 2px 0; word-break: break-all; }
`;
