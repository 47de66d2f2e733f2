// Statistics (GET /api/stats): cases and hits by prefecture, cases by day, cases by level,
// drawn as SVG by hand. Colours come from app.css classes.
import { get, query } from './api.js';
import { el, svg, clear, LEVELS, fmtNum } from './dom.js';

function isoDay(d) {
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

// The axis' top: four equal whole-number steps of 1, 2 or 5 × 10^k that reach v.
function niceMax(v) {
  const raw = Math.max(1, v) / 4;
  const mag = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (Math.max(1, Math.round(m * mag)) >= raw) return 4 * Math.max(1, Math.round(m * mag));
  return 40 * mag;
}

// Horizontal bars: rows [{label, values: [n, ...]}], series [{name, cls}].
function hbars(rows, series, title) {
  const rowH = 18 * series.length + 12;
  const W = 560;
  const left = 64;
  const right = 48;
  const H = Math.max(60, rows.length * rowH + 30);
  const max = niceMax(Math.max(1, ...rows.flatMap((r) => r.values)));
  const scale = (v) => ((W - left - right) * v) / max;
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': title });
  for (let i = 0; i <= 4; i++) {
    const x = left + ((W - left - right) * i) / 4;
    g.appendChild(svg('line', { x1: x, x2: x, y1: 0, y2: H - 20, class: 'grid' }));
    g.appendChild(svg('text', { x, y: H - 6, class: 'axis', 'text-anchor': 'middle' }, fmtNum((max * i) / 4)));
  }
  rows.forEach((r, i) => {
    const y0 = i * rowH + 6;
    g.appendChild(svg('text', { x: left - 8, y: y0 + (rowH - 12) / 2 + 5, class: 'label', 'text-anchor': 'end' }, r.label));
    r.values.forEach((v, k) => {
      const y = y0 + k * 18;
      g.appendChild(svg('rect', { x: left, y, width: Math.max(v > 0 ? 2 : 0, scale(v)), height: 14, class: `bar ${series[k].cls}` },
        svg('title', null, `${r.label} ${series[k].name}: ${v}`)));
      g.appendChild(svg('text', { x: left + scale(v) + 4, y: y + 11, class: 'value' }, fmtNum(v)));
    });
  });
  return g;
}

// Vertical bars over days: points [{day, cases}].
function dayBars(points, title) {
  const W = 1200;
  const H = 220;
  const left = 36;
  const bottom = 36;
  const max = niceMax(Math.max(1, ...points.map((p) => p.cases)));
  const n = Math.max(1, points.length);
  const step = (W - left - 8) / n;
  const g = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': title });
  for (let i = 0; i <= 4; i++) {
    const y = H - bottom - ((H - bottom - 10) * i) / 4;
    g.appendChild(svg('line', { x1: left, x2: W - 4, y1: y, y2: y, class: 'grid' }));
    g.appendChild(svg('text', { x: left - 4, y: y + 4, class: 'axis', 'text-anchor': 'end' }, fmtNum((max * i) / 4)));
  }
  const labelEvery = Math.ceil(n / 8);
  points.forEach((p, i) => {
    const h = ((H - bottom - 10) * p.cases) / max;
    const x = left + i * step + step * 0.15;
    g.appendChild(svg('rect', { x, y: H - bottom - h, width: Math.max(1, step * 0.7), height: h, class: 'bar series-cases' },
      svg('title', null, `${p.day}: ${p.cases}`)));
    if (i % labelEvery === 0) {
      g.appendChild(svg('text', { x: x + step * 0.35, y: H - bottom + 16, class: 'axis', 'text-anchor': 'middle' }, String(p.day).slice(5)));
    }
  });
  return g;
}

function fillDays(byDay, from, to) {
  const have = new Map((byDay || []).map((d) => [String(d.day), Number(d.cases) || 0]));
  const out = [];
  const d = new Date(`${from}T00:00:00`);
  const end = new Date(`${to}T00:00:00`);
  for (let i = 0; d <= end && i < 400; i++) {
    const k = isoDay(d);
    out.push({ day: k, cases: have.get(k) || 0 });
    d.setDate(d.getDate() + 1);
  }
  if (!out.length) return (byDay || []).map((x) => ({ day: String(x.day), cases: Number(x.cases) || 0 }));
  return out;
}

export function renderStats(root, params) {
  const today = new Date();
  const start = new Date(today);
  start.setDate(start.getDate() - 29);
  const from = params.get('from') || isoDay(start);
  const to = params.get('to') || isoDay(today);
  const form = el('form', { class: 'filters' },
    el('label', null, '自 ', el('input', { type: 'date', name: 'from', value: from })),
    el('label', null, '至 ', el('input', { type: 'date', name: 'to', value: to })),
    el('button', { type: 'submit' }, '更新'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    location.hash = `#/stats?from=${encodeURIComponent(fd.get('from'))}&to=${encodeURIComponent(fd.get('to'))}`;
  });
  const grid = el('div', { class: 'charts' }, el('p', { class: 'muted' }, '载入中…'));
  root.appendChild(el('section', { class: 'view stats-view' }, el('div', { class: 'view-head' }, el('h1', null, '统计')), form, grid));

  (async () => {
    let s;
    try {
      // the server's range ends before "to": ask up to the day after the last day shown
      const end = new Date(`${to}T00:00:00`);
      end.setDate(end.getDate() + 1);
      s = await get('/api/stats' + query({ from, to: isoDay(end) }));
    } catch (e) {
      clear(grid).appendChild(el('p', { class: 'error unavailable' }, e.unavailable ? '统计暂不可用（服务器尚未提供 /api/stats）。' : `无法载入统计：${e.message}`));
      return;
    }
    clear(grid);
    const byPref = (s.by_prefecture || []).map((r) => ({ label: r.prefecture || '不明', values: [Number(r.cases) || 0, Number(r.hits) || 0] }));
    const levelOrder = ['red', 'orange', 'yellow', 'blue'];
    const byLevel = levelOrder.map((lv) => ({ lv, n: Number(((s.by_level || []).find((r) => r.level === lv) || {}).cases) || 0 }));
    const days = fillDays(s.by_day, from, to);
    const total = days.reduce((a, p) => a + p.cases, 0);
    grid.appendChild(el('figure', { class: 'panel chart-box', id: 'chart-prefecture' },
      el('figcaption', null, '各地区案件与线索', el('span', { class: 'legend' },
        el('i', { class: 'swatch series-cases' }), '案件', el('i', { class: 'swatch series-hits' }), '线索')),
      byPref.length ? hbars(byPref, [{ name: '案件', cls: 'series-cases' }, { name: '线索', cls: 'series-hits' }], '各地区案件与线索')
        : el('p', { class: 'muted' }, '该时段没有案件。')));
    grid.appendChild(el('figure', { class: 'panel chart-box', id: 'chart-level' },
      el('figcaption', null, '按级别'),
      hbars(byLevel.map((r) => ({ label: LEVELS[r.lv], values: [r.n] })), [{ name: '案件', cls: 'series-cases' }], '按级别')));
    grid.appendChild(el('figure', { class: 'panel chart-box wide', id: 'chart-day' },
      el('figcaption', null, `每日新开案件（共 ${fmtNum(total)}）`), dayBars(days, '每日新开案件')));
    // colour each level bar by its level
    const bars = grid.querySelectorAll('#chart-level rect.bar');
    bars.forEach((b, i) => b.setAttribute('class', `bar level-fill-${levelOrder[i]}`));
  })();
}
