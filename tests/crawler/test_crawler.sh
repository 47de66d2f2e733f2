#!/bin/bash
# End-to-end tests of wa-crawler against the fixture site (tests/crawler/fixture_site.py)
# on loopback. Ends with "N passed, N failed". WA_CRAWLER selects the binary.
set -u
cd "$(dirname "$0")/../.."
WA=${WA_CRAWLER:-bin/wa-crawler}
tmp=$(mktemp -d)
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
check() {
	local name=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then ok "$name"; else bad "$name" "$(head -c 600 "$tmp/check.out")"; fi
}

# --- usage ---------------------------------------------------------------------------
check "help exits 0 and shows usage" bash -c "'$WA' --help | grep -q '^Usage: wa-crawler'"
"$WA" --bogus >/dev/null 2>"$tmp/err"; rc=$?
check "unknown option exits 2 with one line" bash -c "[ $rc = 2 ] && [ \$(wc -l <'$tmp/err') = 1 ]"
echo '{"crawler":{"sources":[{"name":"x","type":"list","url":"http://127.0.0.1/"}]}}' >"$tmp/bad.json"
"$WA" --config "$tmp/bad.json" --once --stdout >/dev/null 2>"$tmp/err"; rc=$?
check "config error names file and key" bash -c "[ $rc = 2 ] && [ \$(wc -l <'$tmp/err') = 1 ] && grep -q 'crawler.sources\[0\].links' '$tmp/err'"
"$WA" --feed "ftp://example.org/x" --once --stdout >/dev/null 2>"$tmp/err"; rc=$?
check "non-http URL refused" bash -c "[ $rc = 2 ] && grep -q 'not an http' '$tmp/err'"

# --- the fixture site ----------------------------------------------------------------
python3 tests/crawler/fixture_site.py "$tmp/requests.log" >"$tmp/port" 2>"$tmp/server.err" &
server_pid=$!
for _ in $(seq 1 100); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(head -n 1 "$tmp/port")
if [ -z "$port" ]; then
	bad "fixture site starts" "$(cat "$tmp/server.err")"
	echo "$pass passed, $fail failed"
	exit 1
fi
base="http://127.0.0.1:$port"
cat >"$tmp/config.json" <<EOF
{"crawler": {"user_agent": "wa-crawler/1.0", "contact": "mailto:ops@example.org",
  "per_host_delay_ms": 50, "timeout_ms": 2000, "connect_timeout_ms": 1000, "max_body_bytes": 4194304,
  "backoff_base_ms": 200, "max_wait_in_run_ms": 5000, "retries": 1,
  "sources": [
   {"name": "rss", "kind": "news", "type": "feed", "url": "$base/feed.xml"},
   {"name": "atom", "kind": "news", "type": "feed", "url": "$base/atom.xml"},
   {"name": "sitemap", "kind": "news", "type": "sitemap", "url": "$base/sitemap.xml"},
   {"name": "bad", "kind": "news", "type": "feed", "url": "$base/bad.xml"},
   {"name": "forum", "kind": "social", "type": "list", "url": "$base/list.html",
    "links": "//ul[@class='threads']//a/@href", "title": "//span[@class='t']", "body": "//div[@class='msg']",
    "time": "//span[@class='when']", "author": "//span[@class='who']"},
   {"name": "board", "kind": "board", "type": "board", "url": "$base/api/posts?page={page}",
    "items": "data.list", "max_pages": 5, "headers": {"X-Requested-With": "wa-test-board"},
    "fields": {"id": "pid", "title": "subject", "text": "content", "author": "user.nick", "published_at": "created"}}
  ]}}
EOF
"$WA" --config "$tmp/config.json" --once --stdout --state "$tmp/state.db" >"$tmp/run1.jsonl" 2>"$tmp/run1.err"; rc=$?
check "first run exits 0 despite bad responses" test "$rc" = 0
check "every line is valid JSON in valid UTF-8" python3 -c "
import json,sys
for l in open('$tmp/run1.jsonl','rb'): json.loads(l.decode('utf-8'))"
check "every expected article arrives once with title, time, author and text" python3 -c "
import json
docs=[json.loads(l) for l in open('$tmp/run1.jsonl',encoding='utf-8')]
want=json.load(open('tests/crawler/articles.json',encoding='utf-8'))
errs=[]
for a in want:
    hits=[d for d in docs if d['title']==a['title']]
    if len(hits)!=1: errs.append('%s: %d copies'%(a['path'],len(hits))); continue
    d=hits[0]
    if d['published_at']!=a['iso']: errs.append('%s: time %s != %s'%(a['path'],d['published_at'],a['iso']))
    if d['author']!=a['author']: errs.append('%s: author %s'%(a['path'],d['author']))
    if d['text']!=a['text']: errs.append('%s: text %r'%(a['path'],d['text'][:80]))
ids=[d['id'] for d in docs]
if len(ids)!=len(set(ids)): errs.append('duplicate ids')
assert not errs, errs"
check "main text leaves out navigation, related links, comments and footer" python3 -c "
import json
for l in open('$tmp/run1.jsonl',encoding='utf-8'):
    t=json.loads(l)['text']
    for junk in ('首页','相关阅读','网友评论','版权所有'): assert junk not in t, (junk,t[:60])"
check "GBK, Big5 and a lying charset decode right" python3 -c "
import json
titles={json.loads(l)['title'] for l in open('$tmp/run1.jsonl',encoding='utf-8')}
for t in ('日喀则保洁员反映公司拖欠工资','那曲環衛工人工資遲發引關注','林芝垃圾清运司机讨薪无门'): assert t in titles, t"
check "reposts are near-duplicates of the first" python3 -c "
import json
docs={json.loads(l)['url'].split('/')[-1]:json.loads(l) for l in open('$tmp/run1.jsonl',encoding='utf-8')}
a,b,c=docs['a.html'],docs['b.html'],docs['c.html']
assert 'dup_of' not in a and b.get('dup_of')==a['id'] and c.get('dup_of')==a['id'], (b.get('dup_of'),c.get('dup_of'))"
check "disallowed path never requested" bash -c "! grep -q '/private/' '$tmp/requests.log' && grep -q 'disallowed by robots.txt' '$tmp/run1.err'"
check "robots.txt requested first" bash -c "head -n 1 '$tmp/requests.log' | grep -q '/robots.txt'"
check "per-host interval holds robots crawl-delay (0.2 s)" python3 -c "
ts=sorted(float(l.split('\t')[0]) for l in open('$tmp/requests.log'))
gaps=[b-a for a,b in zip(ts,ts[1:])]
assert min(gaps) >= 0.15, [round(g,3) for g in gaps]"
check "User-Agent carries the contact" grep -q 'mailto:ops@example.org' "$tmp/requests.log"
check "a source's own headers are sent" bash -c "grep '/api/posts' '$tmp/requests.log' | grep -q 'wa-test-board'"
check "503 retried after Retry-After" python3 -c "
ts=[float(l.split('\t')[0]) for l in open('$tmp/requests.log') if '\t/news/busy.html\t' in l]
assert len(ts)==2 and ts[1]-ts[0] >= 0.95, ts"
check "404, 500, timeout, big body, gzip bomb, redirect loop and bad XML reported" bash -c "
grep -q 'missing.html: HTTP 404' '$tmp/run1.err' && grep -q 'error.html: HTTP 500' '$tmp/run1.err' &&
grep -q 'slow.html: Timeout' '$tmp/run1.err' && grep -q 'big.html: body larger' '$tmp/run1.err' &&
grep -q 'bomb.html: body larger' '$tmp/run1.err' && grep -q 'loop/a: more than 5 redirects' '$tmp/run1.err' &&
grep -q 'bad.xml: not well-formed' '$tmp/run1.err'"
check "summary counts the bad responses" bash -c "grep 'summary:' '$tmp/run1.err' | grep -q 'too_large=2' &&
grep 'summary:' '$tmp/run1.err' | grep -q 'redirect_errors=1' && grep 'summary:' '$tmp/run1.err' | grep -q 'http_4xx=1'"
check "redirected article arrives under its final URL" grep -q '/news/7.html' "$tmp/run1.jsonl"
check "a failing source raises a source-health event" bash -c "grep 'source-health:' '$tmp/run1.err' | grep -q '\"source\":\"bad\"'"

# --- second run: conditional GET, nothing new ---------------------------------------
: >"$tmp/requests.log"
"$WA" --config "$tmp/config.json" --once --stdout --state "$tmp/state.db" >"$tmp/run2.jsonl" 2>"$tmp/run2.err"; rc=$?
check "second run exits 0" test "$rc" = 0
check "second run produces no duplicates" bash -c "! grep -Ff <(python3 -c \"
import json
for l in open('$tmp/run1.jsonl',encoding='utf-8'): print(json.loads(l)['id'])\") '$tmp/run2.jsonl'"
# The Atom feed's links were all dealt with, so it is asked conditionally and answers 304;
# the RSS feed still has links that failed for now (timeout, 500), so it is read again.
check "a finished feed answers 304 on the second run" bash -c "grep 'summary:' '$tmp/run2.err' | grep -q 'not_modified=1' &&
grep -q 'If-Modified-Since' '$tmp/requests.log'"
check "robots.txt taken from the state on the second run" bash -c "! grep -q '/robots.txt' '$tmp/requests.log'"

# --- SIGKILL and restart: nothing produced twice ------------------------------------
"$WA" --config "$tmp/config.json" --once --stdout --state "$tmp/kill.db" >"$tmp/kill1.jsonl" 2>/dev/null &
crawler_pid=$!
sleep 2
{
	kill -9 "$crawler_pid"
	wait "$crawler_pid"
} 2>/dev/null # no "Killed" notice from the shell
"$WA" --config "$tmp/config.json" --once --stdout --state "$tmp/kill.db" >"$tmp/kill2.jsonl" 2>/dev/null
check "killed and restarted: no document twice, none lost" python3 -c "
import json
ids=[json.loads(l)['id'] for f in ('kill1','kill2') for l in open('$tmp/'+f+'.jsonl',encoding='utf-8') if l.strip()]
first=[json.loads(l)['id'] for l in open('$tmp/run1.jsonl',encoding='utf-8')]
assert len(ids)==len(set(ids)), 'duplicates'
titles={json.loads(l)['id']:json.loads(l)['url'] for l in open('$tmp/run1.jsonl',encoding='utf-8')}
assert set(ids)==set(first), [titles[i] for i in set(first)-set(ids)]"

# --- one source without a config -------------------------------------------------------
"$WA" --page "$base/news/1.html" --once --stdout --state :memory: >"$tmp/page.jsonl" 2>"$tmp/page.err"; rc=$?
check "--page crawls one article" bash -c "[ $rc = 0 ] && [ \$(wc -l <'$tmp/page.jsonl') = 1 ] && grep -q '城关区环卫工人三个月未领到工资' '$tmp/page.jsonl'"
"$WA" --feed "$base/atom.xml" --once --stdout --state :memory: >"$tmp/feed.jsonl" 2>"$tmp/feed.err"; rc=$?
check "--feed crawls one feed" bash -c "[ $rc = 0 ] && grep -q '昌都医院保洁人员集体讨薪' '$tmp/feed.jsonl'"

# --- Kafka output and /metrics ----------------------------------------------------------
DEV=${WA_KAFKA_DEV:-bin/wa-kafka-dev}
TOOL=${WA_KAFKA_TOOL:-build/tests/wa-kafka-tool}
if [ -x "$DEV" ] && [ -x "$TOOL" ]; then
	"$DEV" --broker-count 3 --partitions 2 >"$tmp/bootstrap" 2>"$tmp/dev.err" &
	dev_pid=$!
	for _ in $(seq 1 100); do [ -s "$tmp/bootstrap" ] && break; sleep 0.1; done
	brokers=$(head -n 1 "$tmp/bootstrap")
	"$WA" --feed "$base/atom.xml" --once --brokers "$brokers" --state "$tmp/kafka.db" --metrics 127.0.0.1:0 \
		>"$tmp/kafka.out" 2>"$tmp/kafka.err"; rc=$?
	check "documents produced to wa.docs, keyed by id" bash -c "[ $rc = 0 ] && [ ! -s '$tmp/kafka.out' ] &&
		timeout 20 '$TOOL' dump --brokers '$brokers' --topic wa.docs --keys >'$tmp/dump' 2>/dev/null;
		grep -q '昌都医院保洁人员集体讨薪' '$tmp/dump'"
	check "metrics endpoint announced" grep -q 'metrics at http://127.0.0.1:' "$tmp/kafka.err"
	"$WA" --feed "$base/news/missing.xml" --once --brokers "$brokers" --state "$tmp/kafka.db" >/dev/null 2>&1
	check "source-health event produced to wa.cases" bash -c "timeout 20 '$TOOL' dump --brokers '$brokers' --topic wa.cases \
		--keys 2>/dev/null | grep -q '^source-health:$base/news/missing.xml'"
	kill "$dev_pid" 2>/dev/null
	wait "$dev_pid" 2>/dev/null
fi

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
