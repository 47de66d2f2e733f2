// The dashboard's browser checks (run by test_browser.sh, which starts the services and passes
// WA_BASE_URL, WA_BROKERS, WA_KAFKA_TOOL, WA_ARTIFACTS, WA_TMP, CHROMIUM). One line per check:
// "ok   ..." or "FAIL ...".
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const BASE = process.env.WA_BASE_URL;
const ART = process.env.WA_ARTIFACTS || 'build/test-artifacts/browser';
const TMP = process.env.WA_TMP || fs.mkdtempSync('/tmp/wa-browser-');
const PW = 'correct-horse-1';
const nonce = Date.now().toString(36);
let hitSeq = 0;
let failed = 0;

function check(name, cond, detail = '') {
  if (cond) console.log(`ok   ${name}`);
  else {
    failed += 1;
    console.log(`FAIL ${name}${detail ? `: ${String(detail).slice(0, 500)}` : ''}`);
  }
  return Boolean(cond);
}

async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    check(name, false, e && e.stack ? e.stack.split('\n').slice(0, 4).join(' | ') : e);
  }
}

// A document through the classifier (bin/wa-classify, as the stage runs it) and its hit onto
// wa.hits, where wa-alertd takes it. The classifier's hit carries the matched spans.
function produceHit({ title, text, prefecture, county, company }) {
  hitSeq += 1;
  const doc = { id: `browser-${nonce}-${hitSeq}`, title, text, url: `https://forum.example.org/t/${nonce}/${hitSeq}`, source: 'forum' };
  const out = execFileSync(process.env.WA_CLASSIFY || 'bin/wa-classify', [], { input: JSON.stringify(doc) + '\n', stdio: ['pipe', 'pipe', 'ignore'] }).toString();
  if (!out.trim()) throw new Error(`the classifier found no hit in ${doc.id}`);
  const hit = JSON.parse(out.split('\n')[0]);
  // the place as the test wants it (the classifier's own reading may be coarser)
  hit.region = { ...(hit.region || {}), prefecture, county };
  if (company) hit.entities = { ...(hit.entities || {}), company };
  const file = path.join(TMP, `hit-${hitSeq}.jsonl`);
  fs.writeFileSync(file, JSON.stringify(hit) + '\n');
  execFileSync(process.env.WA_KAFKA_TOOL, ['produce', '--brokers', process.env.WA_BROKERS, '--topic', 'wa.hits', file],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  return hit;
}

async function shot(page, name) {
  const file = path.join(ART, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

async function noHorizontalOverflow(page) {
  return page.evaluate(() => {
    const d = document.documentElement;
    return { ok: d.scrollWidth <= d.clientWidth + 1, scrollWidth: d.scrollWidth, clientWidth: d.clientWidth };
  });
}

async function endpoint(page, method, url) {
  // Does this wa-alertd have the endpoint? 404 "no such endpoint" says it does not.
  return page.evaluate(async ([m, u]) => {
    const csrf = (await (await fetch('/api/me')).json()).csrf_token;
    const r = await fetch(u, { method: m, headers: m === 'POST' ? { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf } : {}, body: m === 'POST' ? '{"text":"x"}' : undefined });
    let t = '';
    try { t = await r.text(); } catch (e) { t = ''; }
    return !(r.status === 404 && /no such endpoint/.test(t));
  }, [method, url]);
}

async function login(page, name) {
  await page.goto(BASE + '/');
  await page.waitForSelector('#login-form');
  await page.fill('#login-name', name);
  await page.fill('#login-password', PW);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#user-name');
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: [...(process.getuid && process.getuid() === 0 ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-dev-shm-usage'],
});
const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
// Anything that tries to run from crawled text, or breaks the CSP, is recorded here.
await context.addInitScript(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
});
const page = await context.newPage();
const dialogs = [];
const pageErrors = [];
const csrfPosts = [];
page.on('dialog', (d) => {
  dialogs.push(d.message());
  d.dismiss().catch(() => {});
});
page.on('pageerror', (e) => pageErrors.push(String(e)));
page.on('request', (r) => {
  if (r.method() === 'POST' && r.url().includes('/api/cases/')) csrfPosts.push(Boolean(r.headers()['x-csrf-token']));
});
const shots = [];
const overflow = {};
const viewDone = async (name) => {
  shots.push(await shot(page, name));
  overflow[name] = await noHorizontalOverflow(page);
};

let have = {};
const state = {};

await step('login', async () => {
  await page.goto(BASE + '/');
  await page.waitForSelector('#login-form');
  const csp = (await page.request.get(BASE + '/')).headers()['content-security-policy'] || '';
  check('the dashboard page carries a CSP without unsafe-inline', /script-src 'self'/.test(csp) && !/unsafe-inline|unsafe-eval/.test(csp), csp);
  await viewDone('01-login');
  await page.fill('#login-name', 'cyber');
  await page.fill('#login-password', 'wrong-password-1');
  await page.click('#login-form button[type=submit]');
  await page.waitForFunction(() => document.querySelector('#login-error').textContent.length > 0);
  check('a wrong password is refused with a message', (await page.textContent('#login-error')).includes('错误'));
  await page.fill('#login-password', PW);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#feed-list');
  check('log in as the cyberspace user: the live feed shows', (await page.textContent('#user-name')) === 'cyber');
  await page.waitForSelector('#feed-list li', { timeout: 5000 });
  for (const [k, m, u] of [['stream', 'GET', '/api/stream'], ['stats', 'GET', '/api/stats'], ['report', 'GET', '/api/reports/monthly?month=2026-01'],
    ['explain', 'POST', '/api/explain'], ['dict', 'GET', '/api/dict']]) {
    if (k === 'stream') {
      have.stream = await page.evaluate(async () => {
        const c = new AbortController();
        const r = await fetch('/api/stream', { signal: c.signal });
        c.abort();
        return r.status === 200;
      });
    } else have[k] = await endpoint(page, m, u);
  }
  const missing = Object.entries(have).filter(([, v]) => !v).map(([k]) => k);
  check('wa-alertd serves every endpoint the dashboard uses', missing.length === 0, `missing: ${missing.join(', ')}`);
});

await step('live feed', async () => {
  await page.evaluate(() => { window.__noReload = 1; });
  if (have.stream) {
    await page.waitForFunction(() => document.querySelector('#stream-status')?.dataset.status === 'live', null, { timeout: 10000 });
    check('the event stream is connected', true);
  } else {
    check('without /api/stream the feed says so and falls back to polling',
      (await page.getAttribute('#stream-status', 'data-status')) !== null);
  }
  const before = Number(await page.getAttribute('#feed-counter', 'data-count'));
  const title = `拉萨市城关区环卫工人被欠薪 ${nonce}`;
  const t0 = Date.now();
  state.hit = produceHit({
    title, text: `拉萨市城关区的洁美环卫有限公司拖欠九名环卫工人两个月工资共五万四千元，工人多次讨要无果。`,
    prefecture: '拉萨', county: '城关区', company: '洁美环卫有限公司',
  });
  const item = page.locator('#feed-list li', { hasText: nonce }).first();
  await item.waitFor({ timeout: have.stream ? 5000 : 12000 });
  const ms = Date.now() - t0;
  check(`a hit produced to wa.hits appears in the live feed without reload (${ms} ms)`, ms <= 5000 || !have.stream, `${ms} ms`);
  check('the page was not reloaded', await page.evaluate(() => window.__noReload === 1));
  check('the new alert is highlighted', await item.evaluate((e) => e.classList.contains('fresh')));
  const after = Number(await page.getAttribute('#feed-counter', 'data-count'));
  check('the new-alert counter went up', after > before, `${before} → ${after}`);
  state.caseId = Number(await item.getAttribute('data-case-id'));
  check('the alert links to its case', state.caseId > 0);
  await viewDone('02-feed');
});

await step('hotline complaint in the live feed', async () => {
  const t0 = Date.now();
  const r = await fetch(`${process.env.WA_API_URL}/api/complaints`, {
    method: 'POST', headers: { Authorization: `Bearer ${process.env.WA_HOTLINE_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel: '12345', ticket: `live-${nonce}`, complainant: { name: '达瓦' }, unit: { name: '昌都市环卫服务公司' },
      title: `昌都环卫工人投诉欠薪 ${nonce}h`, content: '环卫工人四个月没有领到工资', region: { prefecture: '昌都' }, workers: 6 }),
  });
  check('the hotline accepts a complaint', r.status === 201, r.status);
  await page.locator('#feed-list li', { hasText: `${nonce}h` }).first().waitFor({ timeout: have.stream ? 5000 : 12000 });
  const ms = Date.now() - t0;
  check(`a hotline complaint appears in the live feed without reload (${ms} ms)`, ms <= 5000 || !have.stream, `${ms} ms`);
});

await step('case list', async () => {
  await page.click('#nav-cases');
  await page.waitForSelector('#case-table tbody tr');
  const rows = await page.locator('#case-table tbody tr').count();
  check(`the case list shows the cases (${rows})`, rows >= 3, rows);
  const sla = page.locator('#case-table tbody tr .sla').first();
  const a = await sla.textContent();
  await page.waitForFunction((t) => document.querySelector('#case-table tbody tr .sla').textContent !== t, a, { timeout: 4000 }).catch(() => {});
  const b = await sla.textContent();
  check(`SLA countdowns tick (${a} → ${b})`, a !== b && /准时|即将超时|已超时/.test(b), `${a} → ${b}`);
  const states = await page.locator('#case-table tbody tr .sla').evaluateAll((xs) => xs.map((x) => x.dataset.sla));
  check(`SLA states on time, due soon and overdue are shown (${[...new Set(states)].join(',')})`,
    states.includes('on_time') && states.includes('due_soon') && states.includes('overdue'), states.join(','));
  await page.selectOption('#case-filters select[name=prefecture]', '那曲');
  await page.click('#case-filters button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('prefecture='));
  await page.waitForSelector('#case-table tbody tr');
  const prefs = await page.locator('#case-table tbody tr td:nth-child(4)').allTextContents();
  check('the prefecture filter narrows the list', prefs.length >= 1 && prefs.every((p) => p.includes('那曲')), prefs.join(','));
  await page.goto(BASE + '/#/cases');
  await page.waitForSelector('#case-table tbody tr');
  await viewDone('03-cases');
});

await step('case detail and actions', async () => {
  await page.goto(`${BASE}/#/cases/${state.caseId}`);
  await page.waitForSelector('.case-detail');
  const marks = await page.locator('.hit-item mark').allTextContents();
  check(`the hit's matched spans are highlighted (${marks.join('、')})`, marks.some((m) => m.includes('拖欠')) && marks.some((m) => m.includes('环卫')), marks.join(','));
  const run = async (action, note) => {
    if (note !== undefined) await page.fill('#action-note', note);
    await page.click(`button[data-action=${action}]`);
    await page.waitForFunction((a) => !document.querySelector(`button[data-action=${a}]`) || document.querySelector('.action-msg')?.textContent.includes('已完成') || document.querySelector('.action-msg.error'), action);
    const err = await page.locator('.action-msg.error').count();
    return err === 0;
  };
  check('report the case', await run('report', '已向住建部门快报'));
  check('assign it', await run('assign', '城关区住建局 王科长'));
  const note = `已约谈公司负责人，承诺本周发放 ${nonce}`;
  check('add a progress note', await run('note', note));
  const entry = page.locator('#timeline li.kind-note', { hasText: note });
  await entry.waitFor();
  check('the note is on the timeline as progress (进展) by cyber', (await entry.count()) === 1 &&
    /cyber\s*进展/.test(await entry.textContent()), await entry.textContent());
  check('resolve it', await run('resolve', '工资五万四千元已全部发放'));
  await page.waitForSelector('.badges .status-resolved');
  check('the case shows as resolved (已办结)', (await page.textContent('.badges .status-resolved')) === '已办结');
  check('every action POST carried X-CSRF-Token', csrfPosts.length >= 4 && csrfPosts.every(Boolean), JSON.stringify(csrfPosts));
  await viewDone('04-case-detail');
});

await step('housing user of 拉萨', async () => {
  const ctx2 = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const p2 = await ctx2.newPage();
  await login(p2, 'lhasa-housing');
  await p2.goto(BASE + '/#/cases');
  await p2.waitForSelector('#case-table tbody tr');
  const prefs = await p2.locator('#case-table tbody tr td:nth-child(4)').allTextContents();
  check('a 拉萨 housing user lists 拉萨 cases only', prefs.length >= 1 && prefs.every((p) => p.includes('拉萨')), prefs.join(','));
  check('the housing user has no analyst page in the menu', (await p2.locator('#nav-analyst').count()) === 0);
  const first = await p2.locator('#case-table tbody tr', { hasText: '拉萨环卫工人三个月未领工资' }).first().getAttribute('data-case-id');
  await p2.goto(`${BASE}/#/cases/${first}`);
  await p2.waitForSelector('.case-detail');
  const facts = await p2.textContent('dl.facts');
  check('the complainant\'s phone number is masked for the housing role', facts.includes('139****1234') && !facts.includes('13900001234'), facts);
  const actions = await p2.locator('button[data-action]').evaluateAll((bs) => bs.map((b) => b.dataset.action));
  check(`the housing role gets only its actions (${actions.join(',') || 'none'})`, !actions.includes('report') && !actions.includes('assign') && !actions.includes('dismiss'), actions.join(','));
  await ctx2.close();
});

await step('XSS payload', async () => {
  await page.goto(BASE + '/#/feed');
  await page.waitForSelector('#feed-list');
  if (have.stream) await page.waitForFunction(() => document.querySelector('#stream-status')?.dataset.status === 'live', null, { timeout: 10000 });
  const title = `<img src=x onerror="window.__xss=1;alert(1)"> 环卫工人欠薪 ${nonce}x`;
  const text = `<script>window.__xss=2;alert(2)</script>山南市乃东区的清运公司拖欠环卫工人三个月工资。<img src=y onerror=alert(3)>`;
  produceHit({ title, text, prefecture: '山南', county: '乃东区', company: '清运公司' });
  const item = page.locator('#feed-list li', { hasText: `${nonce}x` }).first();
  await item.waitFor({ timeout: 12000 });
  check('the XSS title shows as literal text in the feed', (await item.textContent()).includes('<img src=x onerror='));
  const id = await item.getAttribute('data-case-id');
  await page.goto(`${BASE}/#/cases/${id}`);
  await page.waitForSelector('.hit-item');
  const body = await page.locator('.case-detail').textContent();
  check('the XSS text shows as literal text in the case', body.includes('<script>window.__xss=2;alert(2)</script>') && body.includes('<img src=y onerror=alert(3)>'));
  await page.waitForTimeout(500);
  const injected = await page.evaluate(() => document.querySelectorAll('img[src="x"], img[src="y"], script:not([src])').length);
  check('no element was made from the payload', injected === 0, injected);
  check('no script of the payload ran (no dialog, no window flag)', dialogs.length === 0 && !(await page.evaluate(() => window.__xss)), dialogs.join(','));
  await viewDone('05-xss-case');
});

await step('Tibetan post', async () => {
  const bo = `ལྷ་སའི་གཙང་སྦྲའི་ལས་མི་རྣམས་ལ་ཟླ་བ་གསུམ་རིང་གླ་ཕོགས་སྤྲད་མེད། ${nonce}bo`;
  produceHit({ title: `ལྷ་ས་གཙང་སྦྲའི་ལས་མིའི་གླ་ཕོགས ${nonce}bo`, text: bo, prefecture: '日喀则', county: '桑珠孜区', company: 'བོད་ཀྱི་གཙང་སྦྲ་ཀུང་སི'});
  await page.goto(BASE + '/#/feed');
  const item = page.locator('#feed-list li', { hasText: `${nonce}bo` }).first();
  await item.waitFor({ timeout: 12000 });
  const id = await item.getAttribute('data-case-id');
  await page.goto(`${BASE}/#/cases/${id}`);
  await page.waitForSelector('.hit-item [lang=bo]');
  const r = await page.evaluate(async () => {
    await document.fonts.ready;
    await document.fonts.load('20px "WA Tibetan"', 'ཀ');
    const e = document.querySelector('.hit-item .hl-text[lang=bo]');
    const box = e.getBoundingClientRect();
    const loaded = [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'WA Tibetan' && f.status === 'loaded');
    // the same Tibetan string is measured with the served font and with a generic one
    const c = document.createElement('canvas').getContext('2d');
    c.font = '20px "WA Tibetan"';
    const wa = c.measureText('བོད་ཡིག').width;
    c.font = '20px monospace';
    const mono = c.measureText('བོད་ཡིག').width;
    return { family: getComputedStyle(e).fontFamily, width: box.width, height: box.height, loaded, check: document.fonts.check('20px "WA Tibetan"', 'ཀ'), wa, mono, text: e.textContent };
  });
  check('the Tibetan text is marked lang="bo" and visible', r.width > 0 && r.height > 0 && r.text.includes('གླ་ཕོགས'), JSON.stringify(r));
  check(`its font-family puts "WA Tibetan" first (${r.family})`, /^"?WA Tibetan"?/.test(r.family), r.family);
  check('the Tibetan font (/static/fonts/tibetan.ttf) is loaded', r.loaded && r.check, JSON.stringify(r));
  check(`Tibetan glyphs have width (${r.wa.toFixed(1)} px)`, r.wa > 0, JSON.stringify(r));
  const marks = await page.locator('.hit-item .hl-text[lang=bo] mark').allTextContents();
  check(`Tibetan matched spans are highlighted (${marks.join(' ')})`, marks.some((m) => m.includes('གླ་ཕོགས')), marks.join(','));
  await viewDone('06-tibetan-case');
});

await step('charts', async () => {
  await page.goto(BASE + '/#/stats');
  if (have.stats) {
    await page.waitForSelector('#chart-prefecture svg, #chart-prefecture p');
    const bars = await page.locator('#chart-prefecture rect.bar').count();
    check(`charts by prefecture, day and level are drawn (${bars} prefecture bars)`, bars >= 2 &&
      (await page.locator('#chart-day rect.bar').count()) >= 1 && (await page.locator('#chart-level rect.bar').count()) === 4);
  } else {
    await page.waitForSelector('.stats-view .unavailable');
    check('without /api/stats the statistics page says it is unavailable', true);
  }
  await viewDone('07-stats');
});

await step('monthly report', async () => {
  await page.goto(BASE + '/#/report');
  if (have.report) {
    await page.waitForSelector('#report-table');
    const rows = await page.locator('#report-table tbody tr').count();
    check(`the monthly report table shows (${rows} rows)`, rows >= 1);
    for (const f of ['csv', 'xlsx', 'json']) {
      const href = await page.getAttribute(`#dl-${f}`, 'href');
      const res = await page.evaluate(async (u) => {
        const r = await fetch(u);
        const b = new Uint8Array(await r.arrayBuffer());
        return { status: r.status, type: r.headers.get('Content-Type'), head: [...b.slice(0, 4)] };
      }, href);
      const good = res.status === 200 && (f !== 'xlsx' || (res.head[0] === 0x50 && res.head[1] === 0x4b));
      check(`the ${f.toUpperCase()} download link works (${res.type})`, good, JSON.stringify(res));
    }
  } else {
    await page.waitForSelector('.report-view .unavailable');
    check('without /api/reports/monthly the report page says it is unavailable', true);
  }
  await viewDone('08-report');
});

await step('analyst page', async () => {
  const ctx3 = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const p3 = await ctx3.newPage();
  p3.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  await login(p3, 'analyst1');
  await p3.goto(BASE + '/#/analyst');
  await p3.waitForSelector('#explain-text');
  await p3.fill('#explain-title', '求助');
  await p3.fill('#explain-text', '拉萨市某环卫公司拖欠二十名环卫工人三个月工资共十二万元，工人多次讨要无果。<b>粗体</b>');
  await p3.click('#explain-go');
  await p3.waitForSelector('#explain-verdict, .explain-out .error');
  const explainError = await p3.locator('.explain-out .error').count() ? await p3.textContent('.explain-out .error') : '';
  if (have.explain && explainError) check('explain answers the analyst', false, explainError);
  else if (have.explain) {
    const marks = await p3.locator('.explain-out .hl-text mark').allTextContents();
    check(`explain highlights the matched spans (${marks.join('、')})`, marks.length >= 1, marks.join(','));
    check('explain says it is a hit and lists rules', (await p3.textContent('#explain-verdict')).includes('命中') && (await p3.locator('#explain-rules li').count()) >= 0);
    check('markup in the pasted text stays text', (await p3.textContent('.explain-out .hl-text:not(h3)')).includes('<b>粗体</b>'));
  } else {
    check('without /api/explain the analyst page says it is unavailable', (await p3.textContent('.explain-out')).includes('不可用'));
  }
  if (have.dict) {
    await p3.waitForFunction(() => /词典版本/.test(document.querySelector('#dict-version').textContent));
    check(`the dictionary version shows (${await p3.textContent('#dict-version')})`, true);
    await p3.click('#dict-reload');
    await p3.waitForFunction(() => !/载入中/.test(document.querySelector('#dict-msg').textContent) && document.querySelector('#dict-msg').textContent);
    const msg = await p3.textContent('#dict-msg');
    check(`the dictionary reload answers (${msg})`, msg.includes('已重新载入'), msg);
  }
  shots.push(await shot(p3, '09-analyst'));
  overflow['09-analyst'] = await noHorizontalOverflow(p3);
  await ctx3.close();
});

await step('the stream comes back after a restart of wa-alertd', async () => {
  if (!have.stream || !process.env.WA_TMP) return;
  await page.goto(BASE + '/#/feed');
  await page.waitForFunction(() => document.querySelector('#stream-status')?.dataset.status === 'live', null, { timeout: 10000 });
  await page.evaluate(() => { window.__noReload = 2; });
  const pidFile = path.join(TMP, 'alertd.pid');
  const cmd = fs.readFileSync(path.join(TMP, 'alertd.cmd'), 'utf8').split('\0').filter(Boolean);
  const old = Number(fs.readFileSync(pidFile, 'utf8'));
  process.kill(old, 'SIGTERM');
  await page.waitForFunction(() => document.querySelector('#stream-status')?.dataset.status !== 'live', null, { timeout: 10000 });
  const shown = await page.textContent('#stream-status');
  for (let i = 0; i < 100; i++) {
    try {
      process.kill(old, 0);
      await new Promise((res) => setTimeout(res, 100));
    } catch (e) {
      break;
    }
  }
  const err = fs.openSync(path.join(TMP, 'alertd.restart.err'), 'a');
  const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', err], detached: true });
  fs.writeFileSync(pidFile, String(child.pid));
  child.unref();
  check(`the feed shows the lost connection (${shown})`, /重连|中断|连接中/.test(shown), shown);
  await page.waitForFunction(() => document.querySelector('#stream-status')?.dataset.status === 'live', null, { timeout: 20000 });
  check('the feed reconnects to the stream by itself', true);
  // a complaint through the hotline (the Kafka consumer of a restarted service takes a while to
  // get its partitions back; the ledger and the stream do not wait for that)
  const t0 = Date.now();
  const r = await fetch(`${process.env.WA_API_URL}/api/complaints`, {
    method: 'POST', headers: { Authorization: `Bearer ${process.env.WA_HOTLINE_TOKEN}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel: '12319', ticket: `after-${nonce}`, complainant: { name: '拉巴' }, unit: { name: '阿里地区环卫站' },
      title: `重连后的新预警：阿里环卫工人欠薪 ${nonce}r`, content: '环卫工人两个月没有领到工资', region: { prefecture: '阿里' } }),
  });
  check('the restarted service takes a complaint', r.status === 201, r.status);
  await page.locator('#feed-list li', { hasText: `${nonce}r` }).first().waitFor({ timeout: 10000 });
  check(`after the reconnect a new alert arrives again (${Date.now() - t0} ms)`, Date.now() - t0 <= 5000, Date.now() - t0);
  check('still without a reload', await page.evaluate(() => window.__noReload === 2));
});

await step('layout', async () => {
  const bad = Object.entries(overflow).filter(([, v]) => !v.ok);
  check(`no horizontal scrolling at 1366×768 on ${Object.keys(overflow).length} views`, bad.length === 0 && Object.keys(overflow).length >= 8, JSON.stringify(bad));
  const csp = await page.evaluate(() => window.__csp);
  check('no Content-Security-Policy violation', csp.length === 0, csp.join('; '));
  check('no uncaught script error', pageErrors.length === 0, pageErrors.join(' | '));
  check(`screenshots saved (${shots.length})`, shots.length >= 9 && shots.every((f) => fs.statSync(f).size > 1000), shots.join(' '));
});

await step('logout', async () => {
  await page.goto(BASE + '/#/feed');
  await page.waitForSelector('#logout');
  await page.click('#logout');
  await page.waitForSelector('#login-form');
  const st = await page.evaluate(async () => (await fetch('/api/me')).status);
  check('log out ends the session', st === 401, st);
});

await browser.close();
console.log(`     screenshots in ${ART}`);
process.exit(failed ? 1 : 0);
