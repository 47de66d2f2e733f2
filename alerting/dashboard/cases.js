// Case list (filters, paging, SLA countdowns) and case detail (timeline, hits with the matched
// spans highlighted, notifications and their delivery attempts, the actions the role may take).
import { get, post, query, session, roleMay, actionFits } from './api.js';
import {
  el, txt, clear, fmtTime, fmtNum, highlighted, spansOf, levelBadge, statusBadge, LEVELS, STATUSES, PREFECTURES,
} from './dom.js';
import { slaClock, setServerNow, SLA_LABEL } from './sla.js';
import { caseTitle } from './feed.js';

const PAGE = 50;

function options(map, current, all) {
  const list = [el('option', { value: '' }, all)];
  for (const [v, label] of Object.entries(map)) {
    list.push(el('option', { value: v, selected: v === current }, label));
  }
  return list;
}

export function renderCases(root, params) {
  const f = {
    status: params.get('status') || '', level: params.get('level') || '',
    prefecture: params.get('prefecture') || '', q: params.get('q') || '',
    offset: Math.max(0, parseInt(params.get('offset') || '0', 10) || 0),
  };
  const prefs = Object.fromEntries(PREFECTURES.map((p) => [p, p]));
  const me = session();
  const form = el('form', { class: 'filters', id: 'case-filters' },
    el('label', null, '状态 ', el('select', { name: 'status' }, options(STATUSES, f.status, '全部'))),
    el('label', null, '级别 ', el('select', { name: 'level' }, options(LEVELS, f.level, '全部'))),
    me && me.prefecture ? el('span', { class: 'scope' }, `辖区：${me.prefecture}`)
      : el('label', null, '地区 ', el('select', { name: 'prefecture' }, options(prefs, f.prefecture, '全部'))),
    el('label', { class: 'grow' }, '关键词 ', el('input', { name: 'q', type: 'search', value: f.q, placeholder: '标题、内容或单位' })),
    el('button', { type: 'submit' }, '查询'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const fd = new FormData(form);
    const p = new URLSearchParams();
    for (const [k, v] of fd) if (v) p.set(k, v);
    location.hash = '#/cases' + (p.toString() ? `?${p}` : '');
  });
  const body = el('tbody');
  const summary = el('p', { class: 'muted' }, '载入中…');
  const pager = el('div', { class: 'pager' });
  root.appendChild(el('section', { class: 'view cases-view' },
    el('div', { class: 'view-head' }, el('h1', null, '案件'),
      el('div', { class: 'legend' }, '时限：', el('span', { class: 'sla sla-on_time' }, SLA_LABEL.on_time),
        el('span', { class: 'sla sla-due_soon' }, SLA_LABEL.due_soon), el('span', { class: 'sla sla-overdue' }, SLA_LABEL.overdue))),
    form, summary,
    el('div', { class: 'table-wrap' },
      el('table', { class: 'cases', id: 'case-table' },
        el('thead', null, el('tr', null,
          el('th', { class: 'num' }, '编号'), el('th', null, '级别'), el('th', null, '状态'), el('th', null, '地区'),
          el('th', null, '标题 / 单位'), el('th', null, '开案时间'), el('th', null, '时限'), el('th', { class: 'num' }, '线索'))),
        body)),
    pager));

  (async () => {
    try {
      const r = await get('/api/cases' + query({ ...f, limit: PAGE, offset: f.offset || '' }));
      setServerNow(r.now);
      summary.textContent = r.total ? `共 ${r.total} 个案件，第 ${f.offset + 1}–${f.offset + r.cases.length} 个` : '没有符合条件的案件。';
      for (const c of r.cases) {
        const tr = el('tr', { dataset: { caseId: c.id }, class: 'clickable' },
          el('td', { class: 'num' }, el('a', { href: `#/cases/${c.id}` }, String(c.id))),
          el('td', null, levelBadge(c.level)),
          el('td', null, statusBadge(c.status)),
          el('td', null, txt([c.prefecture, c.county].filter(Boolean).join(' · ') || '—')),
          el('td', { class: 'title-cell' }, el('a', { href: `#/cases/${c.id}` }, txt(caseTitle(c))),
            c.unit && c.title ? el('div', { class: 'sub' }, txt(c.unit)) : null),
          el('td', { class: 'nowrap' }, fmtTime(c.opened_at)),
          el('td', { class: 'nowrap' }, slaClock(c)),
          el('td', { class: 'num' }, fmtNum(c.hits)));
        tr.addEventListener('click', (ev) => {
          if (ev.target.closest('a')) return;
          location.hash = `#/cases/${c.id}`;
        });
        body.appendChild(tr);
      }
      const link = (offset, label) => {
        const p = new URLSearchParams(params);
        if (offset) p.set('offset', offset); else p.delete('offset');
        return el('a', { class: 'button', href: '#/cases' + (p.toString() ? `?${p}` : '') }, label);
      };
      if (f.offset > 0) pager.appendChild(link(Math.max(0, f.offset - PAGE), '上一页'));
      if (f.offset + r.cases.length < r.total) pager.appendChild(link(f.offset + PAGE, '下一页'));
    } catch (e) {
      summary.textContent = `无法载入案件：${e.message}`;
    }
  })();
}

const EVENT_KIND = {
  opened: '开案', status: '状态变更', note: '进展', level_raised: '级别升高',
  overdue_report: '上报超时', overdue_resolution: '办结超时', notification_queued: '通知待发',
  delivery_failed: '通知发送失败', acknowledged: '对方已确认',
};
const NOTE_KIND = {
  case_opened: '开案通知', fast_report: '快报', level_raised: '级别升高', overdue_report: '上报超时督办',
  overdue_resolution: '办结超时督办',
};
const DELIVERY = { pending: '待送达', delivered: '已送达', failed: '送达失败' };
const CHANNEL = { online: '网络舆情', 12345: '12345 热线', 12319: '12319 热线' };
const ACTIONS = [
  ['report', '上报', '上报说明（可选）'],
  ['assign', '交办', '承办单位或承办人'],
  ['note', '记录进展', '进展情况'],
  ['resolve', '办结', '办结情况（如工资已发放、金额、日期）'],
  ['dismiss', '驳回', '驳回理由'],
  ['close', '关闭', '说明（可选）'],
];
const NEEDS_NOTE = new Set(['assign', 'note', 'resolve', 'dismiss']);
const WHY = { 403: '无此权限。', 404: '案件不存在或不在辖区。', 409: '当前状态不允许此操作。', 401: '登录已过期。' };
const OFFICE = { cyberspace: '网信办', petition: '信访局', housing: '住建局', supervisors: '督办领导' };

function safeHref(u) {
  try {
    const url = new URL(String(u));
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch (e) {
    return null;
  }
}

function field(label, value) {
  if (value === undefined || value === null || value === '') return null;
  return [el('dt', null, label), el('dd', null, value instanceof Node ? value : txt(String(value)))];
}

function section(title, ...children) {
  return el('section', { class: 'panel' }, el('h2', null, title), ...children);
}

function caseDetail(c, onAction) {
  const me = session();
  const info = el('dl', { class: 'facts' },
    field('地区', [c.prefecture, c.county].filter(Boolean).join(' · ')),
    field('被投诉单位', c.unit), field('统一社会信用代码', c.credit_code),
    field('投诉人', c.complainant), field('联系电话', c.complainant_phone),
    field('渠道', CHANNEL[c.channel] || c.channel), field('外部编号', c.external_id),
    field('涉及人数', c.workers ? `${fmtNum(c.workers)} 人` : null),
    field('欠薪月数', c.months ? `${c.months} 个月` : null),
    field('欠薪金额', c.amount_yuan ? `${fmtNum(c.amount_yuan)} 元` : null),
    field('线索 / 来源', `${fmtNum(Array.isArray(c.hits) ? c.hits.length : c.hits)} / ${fmtNum(c.sources)}`),
    field('开案时间', fmtTime(c.opened_at)),
    field('上报期限', fmtTime(c.report_due)), field('上报时间', c.reported_at ? fmtTime(c.reported_at) : null),
    field('办结期限', fmtTime(c.resolve_due)), field('办结时间', c.resolved_at ? fmtTime(c.resolved_at) : null),
    field('承办', c.assignee), field('办结情况', c.resolution), field('驳回理由', c.dismiss_reason));

  const links = (c.links || []).map((u) => {
    const href = safeHref(u);
    return el('li', null, href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, String(u)) : txt(String(u)));
  });

  const hits = (c.hits || []).map((h) => {
    const text = h.text || h.excerpt || '';
    const href = h.url ? safeHref(h.url) : null;
    return el('li', { class: 'hit-item' },
      el('div', { class: 'hit-head' }, levelBadge(h.level),
        h.title ? highlighted(h.title, spansOf(h.spans, 'title'), 'strong') : el('strong', null, txt(h.doc_id || '')),
        el('span', { class: 'muted' }, txt([h.source, fmtTime(h.received_at)].filter(Boolean).join(' · ')))),
      text ? highlighted(text, spansOf(h.spans || h.matches, 'text')) : null,
      h.text_truncated ? el('p', { class: 'muted' }, '（正文过长，已截断）') : null,
      href ? el('a', { class: 'hit-link', href, target: '_blank', rel: 'noopener noreferrer' }, h.url) : null);
  });

  const events = (c.events || []).slice().reverse().map((e) => el('li', { class: `event kind-${e.kind}` },
    el('time', null, fmtTime(e.at)),
    el('span', { class: 'actor' }, txt(e.actor || '')),
    el('span', { class: 'kind' }, EVENT_KIND[e.kind] || String(e.kind || '')),
    e.from || e.to ? el('span', { class: 'transition' },
      `${e.from ? STATUSES[e.from] || e.from : ''} → ${e.to ? STATUSES[e.to] || e.to : ''}`) : null,
    e.note ? el('div', { class: 'note' }, txt(e.note)) : null));

  const notes = (c.notifications || []).map((n) => el('tr', null,
    el('td', null, txt(OFFICE[n.office] || n.office || '')),
    el('td', null, txt([n.channel, n.route].filter(Boolean).join(' · '))),
    el('td', null, txt(NOTE_KIND[n.kind] || n.kind || '')),
    el('td', null, el('span', { class: `badge delivery-${n.status}` }, txt(DELIVERY[n.status] || n.status || ''))),
    el('td', { class: 'nowrap' }, fmtTime(n.created_at)),
    el('td', { class: 'nowrap' }, n.delivered_at ? fmtTime(n.delivered_at) : '—'),
    el('td', null,
      el('ul', { class: 'attempts' }, (n.attempts || []).map((a) => el('li', { class: a.delivered ? 'ok' : 'failed' },
        `${fmtTime(a.at)} ${a.delivered ? '成功' : '失败'}${a.http_status ? ` HTTP ${a.http_status}` : ''}${a.duration_ms !== undefined && a.duration_ms !== null ? ` ${a.duration_ms} ms` : ''}`,
        a.detail ? el('span', { class: 'muted' }, ' ', txt(a.detail)) : null))),
      n.last_error && !(n.attempts || []).length ? el('span', { class: 'muted' }, txt(n.last_error)) : null)));

  const allowed = ACTIONS.filter(([a]) => me && roleMay(me.role, a) && actionFits(a, c.status));
  const noteBox = el('textarea', { id: 'action-note', rows: 3, placeholder: '说明、承办人、进展或理由' });
  const msg = el('p', { class: 'action-msg', role: 'status' });
  const buttons = allowed.map(([a, label, hint]) => el('button', {
    type: 'button', class: `action action-${a}`, dataset: { action: a }, title: hint,
    onclick: async (ev) => {
      const btn = ev.currentTarget;
      if (NEEDS_NOTE.has(a) && !noteBox.value.trim()) {
        msg.className = 'action-msg error';
        msg.textContent = `${label}需要填写说明：${hint}。`;
        noteBox.focus();
        return;
      }
      for (const b of buttons) b.disabled = true;
      msg.className = 'action-msg';
      msg.textContent = '提交中…';
      try {
        const updated = await post(`/api/cases/${c.id}/actions`, { action: a, note: noteBox.value });
        noteBox.value = '';
        onAction(updated, `${label}：已完成`);
      } catch (e) {
        msg.className = 'action-msg error';
        msg.textContent = `${label}失败：${WHY[e.status] || ''}${e.message}`;
        for (const b of buttons) b.disabled = false;
        btn.focus();
      }
    },
  }, label));
  const actions = allowed.length
    ? section('处置', noteBox, el('div', { class: 'buttons' }, buttons), msg)
    : section('处置', el('p', { class: 'muted' }, me ? `当前角色（${me.role}）在此状态下没有可执行的操作。` : ''));

  return el('div', { class: 'case-detail' },
    el('div', { class: 'view-head' },
      el('h1', { class: 'case-title' }, el('span', { class: 'muted' }, `#${c.id} `), txt(caseTitle(c))),
      el('div', { class: 'badges' }, levelBadge(c.level), statusBadge(c.status), slaClock(c))),
    el('div', { class: 'detail-grid' },
      el('div', { class: 'col-main' },
        c.excerpt ? section('内容摘要', highlighted(c.excerpt, c.spans)) : null,
        section(`线索（${(c.hits || []).length}）`, hits.length ? el('ul', { class: 'hits' }, hits) : el('p', { class: 'muted' }, '无网络线索（热线投诉）。')),
        links.length ? section('原帖链接', el('ul', { class: 'links' }, links)) : null,
        section('通知与送达', notes.length ? el('div', { class: 'table-wrap' }, el('table', { class: 'notifications' },
          el('thead', null, el('tr', null, ['部门', '渠道', '类型', '状态', '生成', '送达', '投递记录'].map((h) => el('th', null, h)))),
          el('tbody', null, notes))) : el('p', { class: 'muted' }, '暂无通知。'))),
      el('div', { class: 'col-side' },
        actions,
        section('案件信息', info),
        section('处置时间线', el('ol', { class: 'timeline', id: 'timeline' }, events)))));
}

export function renderCase(root, id) {
  const box = el('section', { class: 'view case-view' }, el('p', { class: 'muted' }, '载入中…'));
  root.appendChild(box);
  const show = (c, message) => {
    clear(box);
    box.appendChild(el('p', { class: 'back' }, el('a', { href: '#/cases' }, '← 返回案件列表')));
    box.appendChild(caseDetail(c, show));
    if (message) {
      const m = box.querySelector('.action-msg');
      if (m) m.textContent = message;
      else box.querySelector('.case-detail .panel').appendChild(el('p', { class: 'action-msg' }, message));
    }
  };
  (async () => {
    try {
      const [c, list] = await Promise.all([get(`/api/cases/${encodeURIComponent(id)}`),
        get('/api/cases' + query({ limit: 1 })).catch(() => null)]);
      if (list) setServerNow(list.now);
      show(c);
    } catch (e) {
      clear(box);
      box.appendChild(el('p', { class: 'error' }, e.status === 404 ? `案件 ${id} 不存在或不在您的辖区。` : `无法载入案件：${e.message}`));
    }
  })();
}
