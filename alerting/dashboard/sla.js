// SLA clocks (SPEC §3.3): the fast report is due 2 h after a case opens, the resolution 24 h
// after. Countdowns tick every second against the server's clock: the offset between the
// server's "now" (from /api/cases) and this browser's clock is kept and applied.
import { el } from './dom.js';

let offsetMs = 0;
const SOON_S = 30 * 60; // under 30 minutes left: due soon

export function setServerNow(sec) {
  if (Number.isFinite(sec) && sec > 0) offsetMs = sec * 1000 - Date.now();
}

export function serverNow() {
  return (Date.now() + offsetMs) / 1000;
}

const DONE = new Set(['resolved', 'closed', 'dismissed']);

// {state: on_time|due_soon|overdue, which: report|resolve|null (finished), left: seconds}
// As the server decides (alerting/sla.h): overdue once a deadline was missed, due soon within
// 30 minutes of the pending one (the fast report while open, then the resolution).
export function slaOf(c, now = serverNow()) {
  const missed = Boolean(c.report_overdue || c.resolve_overdue || c.sla === 'overdue');
  if (DONE.has(c.status)) return { state: missed ? 'overdue' : 'on_time', which: null, left: null };
  const reporting = c.status === 'open' && !c.reported_at;
  const which = reporting ? 'report' : 'resolve';
  const due = reporting ? c.report_due : c.resolve_due;
  if (!due) return { state: c.sla || 'on_time', which, left: null };
  const left = due - now;
  let state = left < 0 ? 'overdue' : left < SOON_S ? 'due_soon' : 'on_time';
  if (missed) state = 'overdue';
  return { state, which, left };
}

export const SLA_LABEL = { on_time: '准时', due_soon: '即将超时', overdue: '已超时' };

function hms(sec) {
  const s = Math.floor(Math.abs(sec));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const p = (n) => String(n).padStart(2, '0');
  return `${h}:${p(m)}:${p(r)}`;
}

function render(node, c) {
  const s = slaOf(c);
  node.className = `sla sla-${s.state}`;
  node.dataset.sla = s.state;
  const label = SLA_LABEL[s.state];
  if (s.which === null) {
    node.textContent = `已结束 · ${s.state === 'overdue' ? '曾超时' : '按时'}`;
    return;
  }
  if (s.left === null) {
    node.textContent = label;
    return;
  }
  const what = s.which === 'report' ? '上报' : '办结';
  node.textContent = s.left >= 0 ? `${label} · ${what}剩 ${hms(s.left)}` : `${label} · ${what}超 ${hms(s.left)}`;
}

const live = new Set();

// A countdown element for the case; it keeps ticking while it is in the document.
export function slaClock(c) {
  const node = el('span', { class: 'sla' });
  node._case = c;
  node._waits = 0;
  render(node, c);
  live.add(node);
  return node;
}

setInterval(() => {
  for (const node of live) {
    if (node.isConnected) {
      node._seen = true;
      render(node, node._case);
    } else if (node._seen || ++node._waits > 5) {
      live.delete(node);
    }
  }
}, 1000);
