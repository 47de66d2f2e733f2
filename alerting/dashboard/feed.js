// Live alert feed: the latest cases, then every new case and hit from the stream, each arriving
// with a highlight and counted. Without a stream from the server, /api/cases is asked every 5 s.
import { get, query } from './api.js';
import { el, txt, clear, fmtTime, levelBadge, statusBadge } from './dom.js';
import { subscribe, onStatus, STATUS_LABEL, markSeen, streamStatus, isAlert } from './stream.js';
import { setServerNow, slaClock } from './sla.js';

export function caseTitle(c) {
  return c.title || c.unit || (c.excerpt ? String(c.excerpt).slice(0, 60) : `案件 ${c.id}`);
}

function place(c) {
  return [c.prefecture, c.county].filter(Boolean).join(' · ') || '地区不明';
}

const CHANGE = { level_raised: '级别升高', overdue_report: '上报超时', overdue_resolution: '办结超时' };

function caseItem(c, fresh) {
  const li = el('li', { class: 'feed-item' + (fresh ? ' fresh' : ''), dataset: { caseId: c.id } },
    el('div', { class: 'feed-head' },
      levelBadge(c.level),
      c.status ? statusBadge(c.status) : null,
      CHANGE[c.change] ? el('span', { class: 'badge kind-change' }, CHANGE[c.change]) : null,
      el('a', { class: 'feed-title', href: `#/cases/${c.id}` }, txt(caseTitle(c))),
      fresh ? el('span', { class: 'new-tag' }, '新') : null),
    el('div', { class: 'feed-meta' },
      el('span', null, `#${c.id}`),
      el('span', null, txt(place(c))),
      c.unit ? el('span', { class: 'feed-unit' }, txt(c.unit)) : null,
      el('span', null, fmtTime(c.opened_at)),
      el('span', { class: 'feed-hits', dataset: { n: c.hits ?? 0 } }, Number.isInteger(c.hits) ? `线索 ${c.hits}` : ''),
      c.report_due ? slaClock(c) : null));
  return li;
}

function hitItem(h) {
  return el('li', { class: 'feed-item fresh hit', dataset: { caseId: h.case_id } },
    el('div', { class: 'feed-head' },
      levelBadge(h.level),
      el('span', { class: 'badge kind-hit' }, '新线索'),
      el('a', { class: 'feed-title', href: `#/cases/${h.case_id}` }, txt(h.title || h.doc_id || '')),
      el('span', { class: 'new-tag' }, '新')),
    el('div', { class: 'feed-meta' },
      el('span', null, `归入案件 #${h.case_id}`),
      el('span', null, txt(h.doc_id || '')),
      el('span', null, fmtTime(Date.now() / 1000))));
}

export function renderFeed(root) {
  const counter = el('span', { class: 'counter', id: 'feed-counter', dataset: { count: 0 } }, '0');
  const statusLine = el('span', { class: 'stream-status', id: 'stream-status' });
  const list = el('ul', { class: 'feed', id: 'feed-list' });
  const note = el('p', { class: 'muted' }, '正在载入最近的案件…');
  root.appendChild(el('section', { class: 'view feed-view' },
    el('div', { class: 'view-head' },
      el('h1', null, '实时预警'),
      el('div', { class: 'feed-stats' }, '本页新到 ', counter, ' 条', statusLine)),
    note, list));

  let count = 0;
  const known = new Set();
  const openedAt = new Map();
  const bump = () => {
    count += 1;
    counter.textContent = String(count);
    counter.dataset.count = String(count);
    counter.classList.remove('pulse');
    void counter.offsetWidth; // restart the animation
    counter.classList.add('pulse');
  };
  const prepend = (node) => {
    list.insertBefore(node, list.firstChild);
    while (list.children.length > 200) list.removeChild(list.lastChild);
    setTimeout(() => node.classList.remove('fresh'), 8000);
  };

  const onEvent = (kind, d) => {
    if (kind === 'reset') {
      refresh(false);
      return;
    }
    if (kind === 'case' && d && d.id) {
      const old = list.querySelector(`li[data-case-id="${Number(d.id)}"]:not(.hit)`);
      const hits = old ? Number(old.querySelector('.feed-hits')?.dataset.n || 0) : undefined;
      if (!isAlert(kind, d)) {
        // a status change or a note: the case's entry is brought up to date where it is
        if (old) {
          const item = caseItem({ ...d, hits }, false);
          old.replaceWith(item);
        }
        return;
      }
      known.add(d.id);
      if ((d.change || 'opened') === 'opened') openedAt.set(Number(d.id), Date.now());
      if (old) old.remove();
      prepend(caseItem({ ...d, hits }, true));
      bump();
    } else if (kind === 'hit' && d && d.case_id) {
      // The hit that opened a case just announced is that case's alert already.
      const opened = openedAt.get(Number(d.case_id));
      const item = list.querySelector(`li[data-case-id="${Number(d.case_id)}"]:not(.hit)`);
      if (opened && Date.now() - opened < 10000) {
        const n = item && item.querySelector('.feed-hits');
        if (n && Number(n.dataset.n || 0) === 0) {
          n.dataset.n = '1';
          n.textContent = '线索 1';
        }
        return;
      }
      if (item) {
        // one more hit of a case in the list: counted on the case, which moves to the top
        const n = item.querySelector('.feed-hits');
        const hits = Number(n.dataset.n || 0) + 1;
        n.dataset.n = String(hits);
        n.textContent = `线索 ${hits}`;
        item.classList.remove('fresh');
        void item.offsetWidth;
        item.classList.add('fresh');
        if (!item.querySelector('.kind-hit')) item.querySelector('.feed-head').insertBefore(el('span', { class: 'badge kind-hit' }, '新线索'), item.querySelector('.feed-title'));
        prepend(item);
      } else {
        prepend(hitItem(d));
      }
      bump();
    }
    markSeen();
  };
  const unsub = subscribe(onEvent);

  let poll = null;
  const refresh = async (initial) => {
    try {
      const r = await get('/api/cases' + query({ limit: 30 }));
      setServerNow(r.now);
      note.textContent = r.total ? `共 ${r.total} 个案件；最新的在上。` : '还没有案件。新预警会自动出现在这里。';
      const cases = (r.cases || []).slice().reverse();
      for (const c of cases) {
        if (known.has(c.id)) continue;
        known.add(c.id);
        if (initial) list.insertBefore(caseItem(c, false), list.firstChild);
        else {
          prepend(caseItem(c, true));
          bump();
        }
      }
    } catch (e) {
      note.textContent = `无法载入案件：${e.message}`;
    }
  };
  const unstatus = onStatus((s) => {
    statusLine.textContent = STATUS_LABEL[s] || s;
    statusLine.dataset.status = s;
    if (s === 'unavailable' && !poll) poll = setInterval(() => refresh(false), 5000);
    if (s === 'live' && poll) {
      clearInterval(poll);
      poll = null;
    }
  });
  refresh(true);
  markSeen();
  if (streamStatus() === 'unavailable' && !poll) poll = setInterval(() => refresh(false), 5000);
  return () => {
    unsub();
    unstatus();
    if (poll) clearInterval(poll);
  };
}
