// The dashboard's entry: the session, the page frame, hash routes to the views.
//   #/feed  live alerts        #/cases  case list      #/cases/ID  case detail
//   #/stats charts             #/report monthly report #/analyst   explain and dictionary
import { me, login, logout, onUnauthorised, session, ApiError } from './api.js';
import { el, clear, ROLES } from './dom.js';
import * as stream from './stream.js';
import { renderFeed } from './feed.js';
import { renderCases, renderCase } from './cases.js';
import { renderStats } from './charts.js';
import { renderReport } from './report.js';
import { renderAnalyst } from './analyst.js';

const view = document.getElementById('view');
const nav = document.getElementById('nav');
const who = document.getElementById('who');
const badge = document.getElementById('nav-badge');
let teardown = null;
let unseenNav = 0;

const ROUTES = [
  ['feed', '实时预警'], ['cases', '案件'], ['stats', '统计'], ['report', '月报'], ['analyst', '分析'],
];
// who sees which page (the server refuses the others anyway)
const PAGE_ROLES = { analyst: ['analyst', 'admin', 'cyberspace'] };
const pageFor = (id, role) => !PAGE_ROLES[id] || PAGE_ROLES[id].includes(role);

function parseHash() {
  const h = location.hash.replace(/^#\/?/, '');
  const [path, q] = h.split('?');
  return { parts: path.split('/').filter(Boolean), params: new URLSearchParams(q || '') };
}

function showLogin(message) {
  if (teardown) teardown();
  teardown = null;
  stream.stop();
  document.body.classList.add('logged-out');
  clear(who);
  const name = el('input', { name: 'name', id: 'login-name', autocomplete: 'username', required: true });
  const pw = el('input', { name: 'password', id: 'login-password', type: 'password', autocomplete: 'current-password', required: true });
  const msg = el('p', { class: 'error', id: 'login-error', role: 'alert' }, message || '');
  const form = el('form', { class: 'login', id: 'login-form' },
    el('h1', null, '登录'),
    el('label', null, '用户名', name),
    el('label', null, '密码', pw),
    el('button', { type: 'submit' }, '登录'), msg);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    msg.textContent = '';
    try {
      await login(name.value.trim(), pw.value);
      pw.value = '';
      start();
    } catch (e) {
      if (e.status === 429) msg.textContent = `密码错误次数过多，请 ${(e.body && e.body.retry_after) || 300} 秒后再试。`;
      else if (e.status === 401) msg.textContent = '用户名或密码错误。';
      else msg.textContent = `登录失败：${e.message}`;
    }
  });
  clear(view).appendChild(el('section', { class: 'view login-view' }, form));
  name.focus();
}

function renderNav(active) {
  clear(nav);
  for (const [id, label] of ROUTES) {
    if (!pageFor(id, session().role)) continue;
    nav.appendChild(el('a', { href: `#/${id}`, class: id === active ? 'active' : null, id: `nav-${id}` }, label,
      id === 'feed' ? badge : null));
  }
}

function route() {
  if (!session()) return;
  const { parts, params } = parseHash();
  const top = parts[0] || 'feed';
  if (teardown) teardown();
  teardown = null;
  clear(view);
  renderNav(top);
  if (top === 'feed') {
    unseenNav = 0;
    badge.hidden = true;
  }
  document.title = `${(ROUTES.find(([id]) => id === top) || [, '欠薪监测'])[1]} · 欠薪监测`;
  if (top === 'feed') teardown = renderFeed(view);
  else if (top === 'cases' && parts[1]) renderCase(view, parts[1]);
  else if (top === 'cases') renderCases(view, params);
  else if (top === 'stats') renderStats(view, params);
  else if (top === 'report') renderReport(view, params);
  else if (top === 'analyst') renderAnalyst(view);
  else view.appendChild(el('p', { class: 'error' }, '没有这个页面。'));
  window.scrollTo(0, 0);
}

function start() {
  const u = session();
  document.body.classList.remove('logged-out');
  clear(who).append(
    el('span', { class: 'user', id: 'user-name' }, u.name),
    el('span', { class: 'role' }, `${ROLES[u.role] || u.role}${u.prefecture ? ` · ${u.prefecture}` : ''}`),
    el('button', { type: 'button', id: 'logout', class: 'link', onclick: async () => {
      await logout().catch(() => {});
      showLogin('已退出登录。');
    } }, '退出'));
  stream.start();
  if (!location.hash || location.hash === '#/' || location.hash === '#') location.hash = '#/feed';
  else route();
}

stream.subscribe((kind, d) => {
  if (stream.isAlert(kind, d) && parseHash().parts[0] !== 'feed') {
    unseenNav += 1;
    badge.textContent = String(unseenNav);
    badge.hidden = false;
  }
});
stream.onStatus((s) => {
  document.body.dataset.stream = s;
});
onUnauthorised(() => showLogin('登录已过期，请重新登录。'));
window.addEventListener('hashchange', route);

(async () => {
  try {
    await me();
    start();
  } catch (e) {
    showLogin(e instanceof ApiError && e.status !== 401 ? `无法连接服务器：${e.message}` : '');
  }
})();
