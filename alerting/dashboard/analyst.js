// Analyst page: paste a text, see what the classifier makes of it (POST /api/explain): the
// matched spans highlighted, the rules that fired, entities, region; the dictionary version
// in force (GET /api/dict) and a reload (POST /api/dict/reload).
import { get, post, session } from './api.js';
import { el, txt, clear, highlighted, levelBadge, spansOf } from './dom.js';

const LANG = { zh: '中文', bo: '藏文', mixed: '中藏混合' };
const ENTITY = { company: '单位', workers: '人数', months: '月数', amount_yuan: '金额（元）' };

export function renderAnalyst(root) {
  const title = el('input', { type: 'text', id: 'explain-title', placeholder: '标题（可选）' });
  const text = el('textarea', { id: 'explain-text', rows: 7, placeholder: '粘贴一段帖子或新闻正文（中文或藏文）' });
  const out = el('div', { class: 'explain-out', id: 'explain-out' });
  const dictInfo = el('span', { id: 'dict-version' }, '载入中…');
  const dictMsg = el('span', { class: 'muted', id: 'dict-msg' });
  const form = el('form', { class: 'explain-form' }, title, text, el('div', { class: 'buttons' }, el('button', { type: 'submit', id: 'explain-go' }, '分析')));
  const reload = el('button', { type: 'button', id: 'dict-reload' }, '重新载入词典');

  const loadDict = async () => {
    try {
      const d = await get('/api/dict');
      dictInfo.textContent = `词典版本 ${d.dict_version}${d.terms !== undefined ? `，${Array.isArray(d.terms) ? d.terms.length : d.terms} 个词条` : ''}${d.patterns ? `，${d.patterns} 个模式` : ''}`;
      dictInfo.title = (d.groups || []).map((g) => `${g.name}: ${g.terms}`).join('\n');
    } catch (e) {
      dictInfo.textContent = e.unavailable ? '词典信息暂不可用' : `词典信息：${e.message}`;
    }
  };
  reload.addEventListener('click', async () => {
    reload.disabled = true;
    dictMsg.textContent = '载入中…';
    try {
      const r = await post('/api/dict/reload', {});
      dictMsg.textContent = r && r.error ? r.error : `已重新载入${r && r.dict_version ? `：${r.dict_version}` : ''}`;
      await loadDict();
    } catch (e) {
      dictMsg.textContent = e.unavailable ? '重新载入暂不可用' : `重新载入失败（原词典继续使用）：${e.message}`;
      const problems = (e.body && e.body.problems) || [];
      if (problems.length) {
        clear(out).appendChild(el('div', { class: 'panel' }, el('h2', null, '词典问题'),
          el('ul', { class: 'problems' }, problems.map((p) => el('li', null, txt(p))))));
      }
    } finally {
      reload.disabled = false;
    }
  });
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    clear(out).appendChild(el('p', { class: 'muted' }, '分析中…'));
    let r;
    try {
      r = await post('/api/explain', { text: text.value, title: title.value });
    } catch (e) {
      clear(out).appendChild(el('p', { class: 'error' }, e.unavailable ? '分析暂不可用（服务器尚未提供 /api/explain）。' : `分析失败：${e.message}`));
      return;
    }
    clear(out);
    const textSpans = spansOf(r.spans, 'text');
    out.appendChild(el('div', { class: 'verdict ' + (r.hit ? 'is-hit' : 'not-hit'), id: 'explain-verdict' },
      r.hit ? '命中：欠薪线索' : '未命中',
      r.level ? levelBadge(r.level) : null,
      r.score !== undefined ? el('span', null, `得分 ${Number(r.score).toFixed(2)}`) : null,
      r.lang ? el('span', null, `语言 ${LANG[r.lang] || r.lang}`) : null,
      r.dict_version ? el('span', { class: 'muted' }, `词典 ${r.dict_version}`) : null));
    out.appendChild(el('h2', null, '匹配位置'));
    if (title.value) out.appendChild(highlighted(title.value, spansOf(r.spans, 'title'), 'h3'));
    out.appendChild(highlighted(text.value, textSpans));
    out.appendChild(el('div', { class: 'cols' },
      el('div', null, el('h2', null, `匹配词（${(r.spans || []).length}）`),
        el('ul', { class: 'terms' }, (r.spans || []).map((s) => el('li', null,
          el('mark', { dataset: { group: s.group || '' } }, txt(s.term || '')), ' ',
          el('span', { class: 'muted' }, txt([s.group, Number.isFinite(s.weight) ? `权重 ${s.weight}` : null, s.field === 'title' ? '标题' : null].filter(Boolean).join(' · ')))))),
        (r.cancelled || []).length ? [el('h2', null, `被否定抵消（${r.cancelled.length}）`),
          el('ul', { class: 'terms cancelled', id: 'explain-cancelled' }, r.cancelled.map((s) => el('li', null, el('del', null, txt(s.term || '')), ' ',
            el('span', { class: 'muted' }, txt(s.group || '')))))] : null),
      el('div', null, el('h2', null, `规则（${(r.rules || []).length}）`),
        el('ul', { class: 'rules', id: 'explain-rules' }, (r.rules || []).map((x) => el('li', null, el('strong', null, txt(x.name || '')), x.detail ? ['：', txt(x.detail)] : null)))),
      el('div', null, el('h2', null, '实体与地区'),
        el('dl', { class: 'facts' },
          Object.entries(r.entities || {}).filter(([, v]) => v !== null && v !== undefined && v !== '').map(([k, v]) => [el('dt', null, ENTITY[k] || k), el('dd', null, txt(String(v)))]),
          r.region ? Object.entries(r.region).filter(([, v]) => v).map(([k, v]) => [el('dt', null, k === 'prefecture' ? '地区' : k === 'county' ? '县区' : k), el('dd', null, txt(String(v)))]) : null))));
  });

  root.appendChild(el('section', { class: 'view analyst-view' },
    el('div', { class: 'view-head' }, el('h1', null, '分析员'),
      el('div', { class: 'dict' }, dictInfo, ['analyst', 'admin'].includes((session() || {}).role) ? [reload, dictMsg] : null)),
    el('div', { class: 'panel' }, form), out));
  loadDict();
}
