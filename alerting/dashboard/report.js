// Monthly dispatch report (SPEC §3.3): per prefecture opened, resolved, overdue, workers,
// amounts, the share reported within 2 h and resolved within 24 h; CSV, XLSX and JSON downloads.
import { get, query } from './api.js';
import { el, clear, fmtNum } from './dom.js';

function thisMonth() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

function pct(v) {
  if (v === undefined || v === null || v === '') return '—';
  const n = Number(v);
  return Number.isFinite(n) ? `${(n * 100).toFixed(1)}%` : String(v);
}

const COLS = [
  ['prefecture', '地区', (v) => v || '—'],
  ['opened', '新开', fmtNum], ['resolved', '办结', fmtNum], ['overdue', '超时', fmtNum],
  ['workers', '涉及人数', fmtNum], ['amount_yuan', '金额（元）', fmtNum],
  ['reported_within_2h_share', '2 小时内上报', pct], ['resolved_within_24h_share', '24 小时内办结', pct],
];

export function renderReport(root, params) {
  const month = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : thisMonth();
  const form = el('form', { class: 'filters' },
    el('label', null, '月份 ', el('input', { type: 'month', name: 'month', value: month })),
    el('button', { type: 'submit' }, '查看'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const m = new FormData(form).get('month');
    location.hash = `#/report?month=${encodeURIComponent(m)}`;
  });
  const url = (format) => '/api/reports/monthly' + query({ month, format });
  const downloads = el('div', { class: 'downloads' }, '下载：',
    el('a', { class: 'button', id: 'dl-csv', href: url('csv'), download: `wage-arrears-${month}.csv` }, 'CSV'),
    el('a', { class: 'button', id: 'dl-xlsx', href: url('xlsx'), download: `wage-arrears-${month}.xlsx` }, 'Excel (XLSX)'),
    el('a', { class: 'button', id: 'dl-json', href: url('json'), download: `wage-arrears-${month}.json` }, 'JSON'));
  const box = el('div', { class: 'table-wrap' }, el('p', { class: 'muted' }, '载入中…'));
  root.appendChild(el('section', { class: 'view report-view' },
    el('div', { class: 'view-head' }, el('h1', null, `月度调度报表 ${month}`)), form, downloads, box));

  (async () => {
    let r;
    try {
      r = await get(url('json'));
    } catch (e) {
      clear(box).appendChild(el('p', { class: 'error unavailable' }, e.unavailable ? '月报暂不可用（服务器尚未提供 /api/reports/monthly）。' : `无法载入月报：${e.message}`));
      return;
    }
    const row = (o, cls) => el('tr', { class: cls }, COLS.map(([k, , f], i) => el(i ? 'td' : 'th', { class: i ? 'num' : null }, f(o[k]))));
    const rows = (r.rows || []).map((o) => row(o));
    clear(box).appendChild(el('table', { class: 'report', id: 'report-table' },
      el('thead', null, el('tr', null, COLS.map(([, h], i) => el('th', { class: i ? 'num' : null }, h)))),
      el('tbody', null, rows.length ? rows : el('tr', null, el('td', { colspan: COLS.length, class: 'muted' }, '该月没有案件。'))),
      r.total ? el('tfoot', null, row({ ...r.total, prefecture: '合计' }, 'total')) : null));
  })();
}
