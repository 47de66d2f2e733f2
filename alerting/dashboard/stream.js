// The live stream of new cases and hits (GET /api/stream, Server-Sent Events). One connection
// while a user is logged in; it reconnects after an error with a growing pause. While the
// server has no stream, the feed falls back to asking /api/cases every few seconds.
const listeners = new Set();
const statusListeners = new Set();
let es = null;
let retryMs = 1000;
let timer = null;
let status = 'idle'; // idle | connecting | live | retrying | unavailable
let unseen = 0;

function setStatus(s) {
  status = s;
  for (const fn of statusListeners) fn(s);
}

// What deserves the user's attention: a new case, a new hit, a case whose level rose or whose
// clock ran out. Other case events (status changes, notes) only update what is shown.
const ALERT_CHANGES = new Set(['opened', 'level_raised', 'overdue_report', 'overdue_resolution']);
export function isAlert(kind, d) {
  return kind === 'hit' || (kind === 'case' && ALERT_CHANGES.has((d && d.change) || 'opened'));
}

function emit(kind, data) {
  if (isAlert(kind, data)) unseen += 1;
  for (const fn of listeners) fn(kind, data);
}

function parse(ev) {
  try {
    return JSON.parse(ev.data);
  } catch (e) {
    return null;
  }
}

async function probe() {
  // EventSource does not tell why it failed: ask once whether the endpoint exists at all.
  const ctl = new AbortController();
  const t = setTimeout(() => ctl.abort(), 5000);
  try {
    const r = await fetch('/api/stream', { credentials: 'same-origin', signal: ctl.signal });
    return r.status;
  } catch (e) {
    return 0;
  } finally {
    clearTimeout(t);
    ctl.abort();
  }
}

export function start() {
  if (es || timer) return;
  setStatus('connecting');
  es = new EventSource('/api/stream');
  es.addEventListener('open', () => {
    retryMs = 1000;
    setStatus('live');
  });
  es.addEventListener('case', (ev) => {
    const d = parse(ev);
    if (d) emit('case', d);
  });
  es.addEventListener('hit', (ev) => {
    const d = parse(ev);
    if (d) emit('hit', d);
  });
  // the server could not replay everything missed while away: lists are to be reloaded
  es.addEventListener('reset', () => emit('reset', {}));
  es.addEventListener('error', async () => {
    if (es && es.readyState === EventSource.CONNECTING) {
      setStatus('retrying');
      return; // the browser reconnects by itself
    }
    if (es) es.close();
    es = null;
    const code = await probe();
    if (code === 401) {
      setStatus('idle');
      return;
    }
    setStatus(code === 404 || code === 405 || code === 501 ? 'unavailable' : 'retrying');
    timer = setTimeout(() => {
      timer = null;
      start();
    }, code === 404 ? 30000 : retryMs);
    retryMs = Math.min(retryMs * 2, 30000);
  });
}

export function stop() {
  if (es) es.close();
  es = null;
  if (timer) clearTimeout(timer);
  timer = null;
  unseen = 0;
  setStatus('idle');
}

export function subscribe(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function onStatus(fn) {
  statusListeners.add(fn);
  fn(status);
  return () => statusListeners.delete(fn);
}

export function streamStatus() {
  return status;
}

export function unseenCount() {
  return unseen;
}

export function markSeen() {
  unseen = 0;
}

export const STATUS_LABEL = {
  idle: '未连接', connecting: '连接中…', live: '实时推送已连接', retrying: '连接中断，正在重连…',
  unavailable: '实时推送不可用（服务器未提供），改为每 5 秒刷新',
};
