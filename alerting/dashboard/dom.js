// DOM helpers. Every piece of text that comes from the server (crawled posts, names, notes)
// goes into the page through textContent / createTextNode, never through innerHTML.

const TIBETAN = /[\u0F00-\u0FFF]/;

export function hasTibetan(s) {
  return typeof s === 'string' && TIBETAN.test(s);
}

// el('div', {class: 'x', onclick: fn, dataset: {id: 1}}, 'text', child, ...)
// Attributes are set one by one with setAttribute (no markup is parsed); strings among the
// children become text nodes.
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
      else if (k === 'dataset') Object.assign(e.dataset, v);
      else if (k === 'class') e.className = v;
      else e.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(e, children);
  return e;
}

export function append(parent, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    parent.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return parent;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Server text as a node: a <span lang="bo"> when it holds Tibetan, so the Tibetan font and
// line breaking apply; else a plain text node.
export function txt(s, tag = 'span') {
  const v = s === undefined || s === null ? '' : String(s);
  if (!hasTibetan(v)) return document.createTextNode(v);
  const e = document.createElement(tag);
  e.lang = 'bo';
  e.textContent = v;
  return e;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    e.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

// UTF-8 byte offsets into s → UTF-16 offsets (what JavaScript strings index by).
export function byteToU16(s, offsets) {
  const want = [...new Set(offsets)].sort((a, b) => a - b);
  const map = new Map();
  let bytes = 0;
  let u16 = 0;
  let k = 0;
  for (const ch of s) {
    while (k < want.length && want[k] <= bytes) map.set(want[k++], u16);
    const cp = ch.codePointAt(0);
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    u16 += ch.length;
  }
  while (k < want.length) map.set(want[k++], u16);
  return map;
}

// Code point offsets → UTF-16 offsets.
function charToU16(s, offsets) {
  const want = [...new Set(offsets)].sort((a, b) => a - b);
  const map = new Map();
  let chars = 0;
  let u16 = 0;
  let k = 0;
  for (const ch of s) {
    while (k < want.length && want[k] <= chars) map.set(want[k++], u16);
    chars += 1;
    u16 += ch.length;
  }
  while (k < want.length) map.set(want[k++], u16);
  return map;
}

// Spans as [start, end) UTF-16 ranges, whichever offsets the server gave (start_u16/end_u16,
// else start_char/end_char, else start/end as UTF-8 bytes), sorted, overlaps dropped.
export function normaliseSpans(text, spans) {
  if (!Array.isArray(spans) || !text) return [];
  const out = [];
  const bytes = [];
  const chars = [];
  for (const sp of spans) {
    if (!sp) continue;
    if (!Number.isInteger(sp.start_u16) && Number.isInteger(sp.start_char)) chars.push(sp.start_char, sp.end_char);
    else if (!Number.isInteger(sp.start_u16) && Number.isInteger(sp.start)) bytes.push(sp.start, sp.end);
  }
  const bmap = bytes.length ? byteToU16(text, bytes) : null;
  const cmap = chars.length ? charToU16(text, chars) : null;
  for (const sp of spans) {
    if (!sp) continue;
    let a;
    let b;
    if (Number.isInteger(sp.start_u16) && Number.isInteger(sp.end_u16)) [a, b] = [sp.start_u16, sp.end_u16];
    else if (Number.isInteger(sp.start_char) && Number.isInteger(sp.end_char)) [a, b] = [cmap.get(sp.start_char), cmap.get(sp.end_char)];
    else if (Number.isInteger(sp.start) && Number.isInteger(sp.end)) [a, b] = [bmap.get(sp.start), bmap.get(sp.end)];
    else continue;
    if (!(a >= 0 && b > a && b <= text.length)) continue;
    out.push({ a, b, term: sp.term, group: sp.group });
  }
  out.sort((x, y) => x.a - y.a || y.b - x.b);
  const kept = [];
  let end = 0;
  for (const s of out) {
    if (s.a >= end) {
      kept.push(s);
      end = s.b;
    }
  }
  return kept;
}

// The spans of one field ("text" or "title"); spans without a field belong to the text.
export function spansOf(spans, field) {
  if (!Array.isArray(spans)) return [];
  return spans.filter((s) => s && (s.field ? s.field === field : field === 'text'));
}

// The text as nodes with each span in a <mark> (title: the term and its group).
export function highlighted(text, spans, tag = 'div') {
  const v = text === undefined || text === null ? '' : String(text);
  const box = document.createElement(tag);
  box.className = 'hl-text';
  if (hasTibetan(v)) box.lang = 'bo';
  let at = 0;
  for (const s of normaliseSpans(v, spans)) {
    if (s.a > at) box.appendChild(document.createTextNode(v.slice(at, s.a)));
    const m = document.createElement('mark');
    m.textContent = v.slice(s.a, s.b);
    if (s.group) m.dataset.group = s.group;
    m.title = [s.term, s.group].filter(Boolean).join(' · ');
    box.appendChild(m);
    at = s.b;
  }
  if (at < v.length) box.appendChild(document.createTextNode(v.slice(at)));
  return box;
}

export function fmtTime(sec) {
  if (!sec) return '—';
  const d = new Date(sec * 1000);
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function fmtNum(n) {
  if (n === undefined || n === null || n === '') return '—';
  return Number(n).toLocaleString('zh-CN');
}

export const LEVELS = { red: '红色', orange: '橙色', yellow: '黄色', blue: '蓝色' };
export const STATUSES = {
  open: '待上报', reported: '已上报', assigned: '已交办', resolved: '已办结', closed: '已关闭', dismissed: '已驳回',
};
export const PREFECTURES = ['拉萨', '日喀则', '昌都', '林芝', '山南', '那曲', '阿里'];
export const ROLES = { cyberspace: '网信', petition: '信访', housing: '住建', analyst: '分析员', admin: '管理员' };

export function levelBadge(level) {
  return el('span', { class: `badge level-${LEVELS[level] ? level : 'none'}` }, LEVELS[level] || String(level || '—'));
}

export function statusBadge(status) {
  return el('span', { class: `badge status-${STATUSES[status] ? status : 'none'}` }, STATUSES[status] || String(status || '—'));
}
