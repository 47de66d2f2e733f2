#!/bin/bash
# Command-line tests of wa-classify: exit codes, bad input, truncation, output fields,
# analyst tools, and corpus quality. Ends with "N passed, N failed".
# WA_CLASSIFY selects the binary (the sanitizer build runs the same tests).
set -u
cd "$(dirname "$0")/../.."
WA=${WA_CLASSIFY:-bin/wa-classify}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export WA_CACHE_DIR=${WA_CACHE_DIR:-$tmp/cache}
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok   $1"; }
bad() { fail=$((fail + 1)); echo "FAIL $1${2:+: $2}"; }
# check NAME COMMAND...: passes when the command succeeds
check() {
	local name=$1
	shift
	if "$@" >"$tmp/check.out" 2>&1; then ok "$name"; else bad "$name" "$(head -c 600 "$tmp/check.out")"; fi
}
json() { python3 -c "$@"; }

# --- usage and errors ---------------------------------------------------------------
check "help exits 0 and shows usage" bash -c "'$WA' --help | grep -q '^Usage: wa-classify'"
"$WA" --bogus >/dev/null 2>"$tmp/err"; rc=$?
check "unknown option exits 2 with one line" bash -c "[ $rc = 2 ] && [ \$(wc -l <'$tmp/err') = 1 ] && grep -q bogus '$tmp/err'"
"$WA" --dict "$tmp/nowhere" </dev/null >/dev/null 2>"$tmp/err"; rc=$?
check "missing dictionary exits 2" bash -c "[ $rc = 2 ] && grep -q 'nowhere' '$tmp/err'"
"$WA" "$tmp/no-such-file.jsonl" >/dev/null 2>"$tmp/err"; rc=$?
check "unreadable input file exits 1 with the reason" bash -c "[ $rc = 1 ] && grep -q 'No such file' '$tmp/err'"
"$WA" --max-doc-bytes 12 </dev/null >/dev/null 2>"$tmp/err"; rc=$?
check "bad option value exits 2" test "$rc" = 2

# --- bad input lines are reported and counted, never fatal ----------------------------
hit='{"id":"h1","source":"weibo","published_at":"2026-11-01","title":"求助","text":"拉萨市城关区的环卫工人已经三个月没发工资了，五十多名工人去上访。"}'
{
	echo "$hit"
	echo 'this is not json'
	echo '{"text":"环卫工人工资被拖欠"}'
	echo '{"id":"x3"}'
	printf '{"id":"x4","text":"\xff\xfe 环卫"}\n'
	echo ''
	echo '{"id":"n1","text":"今天天气很好，布达拉宫前游客很多。"}'
	echo '{"id":7,"text":"我们是日喀则的保洁员，公司拖欠工资两个月了"}'
} >"$tmp/mixed.jsonl"
"$WA" "$tmp/mixed.jsonl" >"$tmp/out" 2>"$tmp/err"; rc=$?
check "bad lines do not stop the run (exit 0)" test "$rc" = 0
check "hits only for the hit documents" bash -c "[ \$(wc -l <'$tmp/out') = 2 ] && grep -q '\"id\":\"h1\"' '$tmp/out' && grep -q '\"id\":7' '$tmp/out'"
check "not-JSON line reported with its line number" grep -q "mixed.jsonl:2: not valid JSON" "$tmp/err"
check "missing id reported" grep -q 'mixed.jsonl:3: missing "id"' "$tmp/err"
check "missing text reported" grep -q 'mixed.jsonl:4: missing "text"' "$tmp/err"
check "invalid UTF-8 reported" bash -c "grep -q 'mixed.jsonl:5: .*UTF-8' '$tmp/err'"
check "summary counts the bad lines" grep -q "4 bad lines" "$tmp/err"
check "stdin input gives the same hits" bash -c "'$WA' --quiet - <'$tmp/mixed.jsonl' 2>/dev/null | cmp -s - '$tmp/out'"

# --- the hit object -------------------------------------------------------------------
echo "$hit" | "$WA" --quiet >"$tmp/hit.json" 2>/dev/null
check "hit carries the document's fields and the hit fields" json "
import json; h=json.load(open('$tmp/hit.json'))
assert h['id']=='h1' and h['source']=='weibo' and h['published_at']=='2026-11-01', h
for k in ('score','level','lang','matches','region','entities','dict_version'): assert k in h, k
assert h['level'] in ('red','orange','yellow','blue') and h['lang']=='zh'
assert h['region']=={'prefecture':'拉萨市','county':'城关区'}, h['region']
e=h['entities']; assert e['workers']==50 and e['months']==3, e
assert h['level']=='red', h['level']   # collective action (上访) and 50 workers
"
check "match offsets point into the original text" json "
import json; h=json.load(open('$tmp/hit.json'))
for m in h['matches']:
    src=(h['text'] if m['field']=='text' else h['title']).encode()
    s=src[m['start']:m['end']].decode()
    assert s, m
    if m['term']=='环卫工人': assert s=='环卫工人', (m,s)
"
long=$(python3 -c "print('环卫工人三个月没发工资，' + '一' * 3000)")
printf '{"id":"big","text":"%s"}\n' "$long" >"$tmp/big.jsonl"
"$WA" --max-doc-bytes 2048 "$tmp/big.jsonl" >"$tmp/out" 2>"$tmp/err"
check "an oversized text is cut and flagged" bash -c "grep -q '\"truncated\":true' '$tmp/out' && grep -q 'big.jsonl:1: text of' '$tmp/err' && grep -q '1 truncated' '$tmp/err'"

# --- the prefilter changes nothing ------------------------------------------------------
cat tests/corpus/*.jsonl >"$tmp/all.jsonl"
"$WA" --quiet "$tmp/all.jsonl" 2>/dev/null | python3 -c "import sys,json; print('\n'.join(sorted(json.loads(l)['id'] for l in sys.stdin)))" >"$tmp/a"
"$WA" --quiet --no-prefilter "$tmp/all.jsonl" 2>/dev/null | python3 -c "import sys,json; print('\n'.join(sorted(json.loads(l)['id'] for l in sys.stdin)))" >"$tmp/b"
check "prefilter and full classification give the same hits on the corpus" bash -c "[ -s '$tmp/a' ] && cmp -s '$tmp/a' '$tmp/b'"

# --- analyst tools ------------------------------------------------------------------------
check "lint passes on the shipped dictionary" "$WA" lint
cp -r dict "$tmp/dict-broken"
printf '[subject]\n环卫工人\n' >>"$tmp/dict-broken/zh/terms.dict"
printf '[arrears]\n(unclosed\n' >>"$tmp/dict-broken/zh/patterns.re"
"$WA" lint --dict "$tmp/dict-broken" >"$tmp/lint" 2>&1; rc=$?
check "lint of a broken dictionary exits non-zero" test "$rc" != 0
check "lint reports file:line for a duplicate" grep -qE "zh/terms.dict:[0-9]+: duplicate term '环卫工人'" "$tmp/lint"
check "lint reports file:line for a bad regex" grep -qE "zh/patterns.re:[0-9]+: bad regex" "$tmp/lint"
cp -r dict "$tmp/dict-unbounded"
printf '[arrears]\n工资.*没发\n' >>"$tmp/dict-unbounded/zh/patterns.re"
"$WA" lint --dict "$tmp/dict-unbounded" >"$tmp/lint-unbounded" 2>&1; rc=$?
check "lint reports an event pattern of unbounded width, file:line, and exits non-zero" bash -c \
	"[ $rc != 0 ] && grep -qE 'zh/patterns.re:[0-9]+: event pattern of unbounded width' '$tmp/lint-unbounded'"
"$WA" explain "拉萨环卫工人三个月没发工资了" >"$tmp/explain" 2>&1
check "explain shows matches, rules, verdict and highlights" bash -c "grep -q '^verdict     HIT' '$tmp/explain' && grep -q 'pair: subject' '$tmp/explain' && grep -q '\[\[环卫工人\]\]' '$tmp/explain'"
printf '%s\n' '{"id":"r1","label":1,"text":"拉萨市城关区环卫工人三个月没发工资了","expect":{"prefecture":"拉萨","county":"城关区"}}' \
	'{"id":"r2","label":1,"text":"拉萨市城关区环卫工人三个月没发工资了","expect":{"prefecture":"拉","county":"城"}}' >"$tmp/expect.jsonl"
"$WA" eval "$tmp/expect.jsonl" >"$tmp/eval-expect" 2>&1
check "eval: a region named without its suffix (拉萨 for 拉萨市) agrees, a cut name does not" bash -c \
	"grep -qE '^  prefecture +1/2 ' '$tmp/eval-expect' && grep -qE '^  county +1/2 ' '$tmp/eval-expect'"
check "terms lists the dictionary" bash -c "'$WA' terms | grep -qx '环卫工人'"
check "load-time reports cold and warm loads" bash -c "'$WA' load-time | grep -qE '^terms [0-9]+ cold [0-9.]+ s warm [0-9.]+ s'"

# --- quality on the labelled corpus (SPEC §6: F1 >= 0.90 zh, >= 0.85 Tibetan) --------------
set -- tests/corpus/zh.jsonl
[ -f tests/corpus/bo.jsonl ] && set -- "$@" tests/corpus/bo.jsonl
for f in tests/corpus/extra-*.jsonl; do [ -f "$f" ] && set -- "$@" "$f"; done
"$WA" eval --min-f1 zh=0.90,bo=0.85 "$@" >"$tmp/eval" 2>&1; rc=$?
sed -n '1,8p' "$tmp/eval"
check "F1 on the labelled corpus meets zh 0.90 and bo 0.85" test "$rc" = 0
# Held-out posts measure generalisation; reported, not gated. Each set was written from the
# labelling rule alone, by an author who had not seen the dictionary or the other sets.
# holdout, holdout3 to holdout7, the odd sets from holdout9 to holdout39, holdout45 to
# holdout52, holdout57, holdout58, holdout61, holdout62, holdout65, holdout66, holdout69, holdout70,
# holdout73 and holdout74 were then read once to find which kinds of writing the
# rules missed (so they now flatter the rules: tests/corpus/README.md gives each one's
# first-look figure); holdout2, holdout8, the even sets from holdout10 to holdout40, holdout41
# to holdout44, holdout53 to holdout56, holdout59, holdout60, holdout63, holdout64, holdout67,
# holdout68, holdout71, holdout72, holdout75 and holdout76 were never looked at while writing rules.
for set_name in holdout holdout2 holdout3 holdout4 holdout5 holdout6 holdout7 holdout8 holdout9 holdout10 holdout11 \
	holdout12 holdout13 holdout14 holdout15 holdout16 holdout17 holdout18 holdout19 holdout20 \
	holdout21 holdout22 holdout23 holdout24 holdout25 holdout26 holdout27 holdout28 \
	holdout29 holdout30 holdout31 holdout32 holdout33 holdout34 holdout35 holdout36 \
	holdout37 holdout38 holdout39 holdout40 holdout41 holdout42 holdout43 holdout44 \
	holdout45 holdout46 holdout47 holdout48 holdout49 holdout50 holdout51 holdout52 \
	holdout53 holdout54 holdout55 holdout56 holdout57 holdout58 holdout59 holdout60 \
	holdout61 holdout62 holdout63 holdout64 holdout65 holdout66 holdout67 holdout68 \
	holdout69 holdout70 holdout71 holdout72 holdout73 holdout74 holdout75 holdout76; do
	holdout=$(ls tests/corpus/$set_name-*.jsonl 2>/dev/null)
	if [ -n "$holdout" ]; then
		echo "held-out set $set_name:"
		"$WA" eval --holdout $holdout 2>/dev/null | sed -n '1,8p'
	fi
done

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
