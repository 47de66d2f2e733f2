#!/usr/bin/env bash
# bench/crawler.sh — crawler speed (issue "Crawler", section "Speed"): pages per second of
# bin/wa-crawler against a generated news site on loopback with politeness off, side by side with
# Scrapy (Debian's python3-scrapy) crawling the same site with the same extraction in the same
# run, the ratio, and the peak RSS of each. Target: wa-crawler >= 5x Scrapy's pages/s.
#
#   site      bench/crawler_site.py: CRAWLER_PAGES article pages (5-20 KB, Chinese news stories
#             from a bench/gen_corpus.c corpus, a quarter of them in GBK) behind RSS, Atom and
#             HTML list sources of at most 400 links each; robots.txt allows everything. Kept in
#             $BENCH_OUT/crawler-site/ while the parameters and the generators are unchanged.
#   server    bench/crawler_httpd.c: every file in memory, responses prebuilt, one epoll thread,
#             keep-alive. Its raw speed is measured first with curl --parallel (same
#             concurrency, every article page), so the report shows it is not the limit; the
#             server's CPU time during each crawl is reported as well.
#   crawls    each timed run starts from nothing: wa-crawler with a fresh state file
#             (--once --stdout --no-politeness, XPath selectors for title, body, time and
#             author from the site's manifest, "concurrency" CRAWLER_CONCURRENCY) and
#             bench/scrapy_spider.py (the same selectors and normalisation, robots.txt off, no
#             delay, no AutoThrottle, CRAWLER_CONCURRENCY requests at once). The two alternate,
#             CRAWLER_RUNS runs each; best wall time counts; peak RSS is the largest
#             /usr/bin/time %M over the runs. pages/s = article pages / wall seconds of the
#             whole process (start-up, robots.txt and the feeds included).
#   checks    bench/crawler_check.py compares every run's output with the generator's
#             expectations: every page exactly once, and how many titles, texts, times and
#             authors are right. A run that misses pages does not count.
#   info      wa-crawler without selectors (its automatic main-text extraction), best of the
#             same number of runs; not part of the target.
#
# Everything runs on this machine: server, crawler and the timing share its cores.
# Results go to stdout and $BENCH_OUT/crawler-report.txt. Exit status: 0 when the benchmark ran
# (a MISSED target is printed as such; Scrapy missing gives "MISSED (no Scrapy measurement)"),
# 1 when it could not run (no wa-crawler, the site or the server failed, or wa-crawler failed
# or lost pages).
#
# Environment (all optional):
#   WA_CRAWLER            binary (default: bin/wa-crawler)
#   BENCH_OUT             output folder (default: bench/out)
#   CRAWLER_PAGES         article pages (default 5000)
#   CRAWLER_RUNS          timed runs per tool (default 3)
#   CRAWLER_CONCURRENCY   transfers at once, both tools (default 16, wa-crawler's default)
#   CRAWLER_SEED          site seed (default 20260214)
#   CRAWLER_TIMEOUT       seconds before one crawl is killed (default 600)
#   CRAWLER_SLOW_S        a tool whose first run takes longer runs only once (default 60)
#   SCRAPY_PYTHON         the Python that has Scrapy (default: /usr/bin/python3 when it imports
#                         scrapy, else python3)
#   CC                    C compiler (default: cc)
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/out}
WA=${WA_CRAWLER:-$ROOT/bin/wa-crawler}
PAGES=${CRAWLER_PAGES:-5000}
RUNS=${CRAWLER_RUNS:-3}
CONC=${CRAWLER_CONCURRENCY:-16}
SEED=${CRAWLER_SEED:-20260214}
TIMEOUT=${CRAWLER_TIMEOUT:-600}
SLOW_S=${CRAWLER_SLOW_S:-60}
CC=${CC:-cc}
T_RATIO=5   # target: wa-crawler pages/s >= 5x Scrapy's
export LC_NUMERIC=C LC_ALL=C.UTF-8

log() { printf '[crawler-bench] %s\n' "$*" >&2; }
die() { printf '[crawler-bench] error: %s\n' "$*" >&2; exit 1; }

for v in PAGES RUNS CONC SEED TIMEOUT SLOW_S; do
	case ${!v} in ''|*[!0-9]*|0) die "CRAWLER_$v must be a positive number, got '${!v}'" ;; esac
done
[ -x "$WA" ] || die "$WA is missing (run make)"
mkdir -p "$OUT" || die "cannot create $OUT"

# ------------------------------------------------------------------ tools
py_has_scrapy() { "$1" -c 'import scrapy' >/dev/null 2>&1; }
find_scrapy_python() {
	SPY=""
	if [ -n "${SCRAPY_PYTHON:-}" ]; then py_has_scrapy "$SCRAPY_PYTHON" && SPY=$SCRAPY_PYTHON; return; fi
	for p in /usr/bin/python3 python3; do
		if command -v "$p" >/dev/null 2>&1 && py_has_scrapy "$p"; then SPY=$p; return; fi
	done
}
find_scrapy_python
if [ -z "$SPY" ] || [ ! -x /usr/bin/time ] || ! command -v curl >/dev/null 2>&1; then
	if [ "$(id -u)" = 0 ]; then
		log "installing the bench packages (python3-scrapy, time, curl) with tools/install-deps.sh bench"
		sh "$ROOT/tools/install-deps.sh" bench >&2 || log "tools/install-deps.sh bench failed"
		find_scrapy_python
	else
		log "Scrapy, time or curl missing and not root: run tools/install-deps.sh bench as root"
	fi
fi
[ -x /usr/bin/time ] || die "/usr/bin/time is required (apt-get install time)"
command -v curl >/dev/null 2>&1 || die "curl is required (apt-get install curl)"
PY=${SPY:-python3}
command -v "$PY" >/dev/null 2>&1 || die "python3 is required"
[ -n "$SPY" ] || log "Scrapy is not installed: its rows will be n/a"

# ------------------------------------------------------------------ server and site
log "building the server"
"$CC" -std=c11 -O2 -Wall -Wextra -Werror -o "$OUT/crawler_httpd" "$ROOT/bench/crawler_httpd.c" ||
	die "bench/crawler_httpd.c does not build"

SITE=$OUT/crawler-site
GEN_SUM=$(cat "$ROOT/bench/crawler_site.py" "$ROOT/bench/gen_corpus.c" "$ROOT/bench/names.h" | sha256sum | cut -c1-16)
META="pages=$PAGES seed=$SEED generator=$GEN_SUM"
if [ "$(cat "$SITE/.meta" 2>/dev/null)" = "$META" ] && [ -s "$SITE/manifest.json" ] && [ -s "$SITE/expected.jsonl" ]; then
	log "reusing $SITE"
else
	log "generating the site: $PAGES pages, seed $SEED"
	"$CC" -std=c11 -O2 -Wall -Wextra -Werror -o "$OUT/crawler-gen_corpus" "$ROOT/bench/gen_corpus.c" ||
		die "bench/gen_corpus.c does not build"
	# about one news story in seven documents, ~470 characters each: enough for a story per page
	"$OUT/crawler-gen_corpus" --bytes $((PAGES * 8000)) --seed "$SEED" >"$OUT/crawler-corpus.jsonl" ||
		die "gen_corpus failed"
	"$PY" "$ROOT/bench/crawler_site.py" "$SITE" --pages "$PAGES" --seed "$SEED" --corpus "$OUT/crawler-corpus.jsonl" ||
		die "bench/crawler_site.py failed"
	rm -f "$OUT/crawler-corpus.jsonl"
	printf '%s\n' "$META" >"$SITE/.meta"
fi
IFS=$'\t' read -r SITE_BYTES SITE_GBK SITE_NSRC SITE_SRCKINDS < <("$PY" -c '
import json, sys, collections
m = json.load(open(sys.argv[1], encoding="utf-8"))
k = collections.Counter(s["type"] for s in m["sources"])
print(m["page_bytes"], m["gbk_pages"], len(m["sources"]), ", ".join("%d %s" % (n, t) for t, n in sorted(k.items())), sep="\t")
' "$SITE/manifest.json") || die "cannot read $SITE/manifest.json"

tmp=$(mktemp -d)
SRV_PID=""
cleanup() {
	if [ -n "$SRV_PID" ]; then kill -TERM "$SRV_PID" 2>/dev/null; wait "$SRV_PID" 2>/dev/null; fi
	rm -rf "$tmp"
}
trap cleanup EXIT

"$OUT/crawler_httpd" "$SITE/site" >"$tmp/port" 2>"$tmp/httpd.err" &
SRV_PID=$!
for _ in $(seq 300); do [ -s "$tmp/port" ] && break; kill -0 "$SRV_PID" 2>/dev/null || break; sleep 0.05; done
PORT=$(head -n 1 "$tmp/port" 2>/dev/null)
[ -n "$PORT" ] || die "the server did not start: $(cat "$tmp/httpd.err")"
BASE="http://127.0.0.1:$PORT"
curl -sf "$BASE/robots.txt" >/dev/null || die "the server does not answer on $BASE"
log "server on $BASE ($(cat "$tmp/httpd.err"))"

srv_stat() { curl -sf "$BASE/__stats"; }
srv_field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
srv_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SRV_PID/stat"; }
CLK_TCK=$(getconf CLK_TCK)

# ------------------------------------------------------------------ timing
now_ns() { local t=${EPOCHREALTIME/[.,]/}; NOW_NS=$((10#$t * 1000)); }
[ -n "${EPOCHREALTIME:-}" ] || now_ns() { NOW_NS=$(date +%s%N); }

run_timed() { # OUTFILE ERRFILE cmd... -> R_ST R_NS R_KB R_CPU R_SRV_CPU R_REQS
	local out=$1 err=$2 t0 c0 s0 s1
	shift 2
	s0=$(srv_stat)
	c0=$(srv_cpu_ticks)
	now_ns; t0=$NOW_NS
	/usr/bin/time -f '%e %M %U %S' -o "$tmp/time" timeout -k 5 "$TIMEOUT" "$@" >"$out" 2>"$err"
	R_ST=$?
	now_ns
	R_NS=$((NOW_NS - t0))
	R_SRV_CPU=$(awk -v a="$c0" -v b="$(srv_cpu_ticks)" -v h="$CLK_TCK" 'BEGIN { printf "%.2f", (b - a) / h }')
	s1=$(srv_stat)
	R_REQS=$(($(srv_field "$s1" requests) - $(srv_field "$s0" requests)))
	R_404=$(($(srv_field "$s1" not_found) - $(srv_field "$s0" not_found)))
	R_KB=$(tail -n 1 "$tmp/time" | awk '{ print $2 + 0 }')
	R_CPU=$(tail -n 1 "$tmp/time" | awk '{ printf "%.2f", $3 + $4 }')
}

secs() { awk -v ns="$1" 'BEGIN { printf "%.2f", ns / 1e9 }'; }
pps() { awk -v n="$PAGES" -v ns="$1" 'BEGIN { printf "%.0f", n / (ns / 1e9) }'; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }

# ------------------------------------------------------------------ raw server speed
awk -v b="$BASE" '{ if (match($0, /"path": *"[^"]*"/)) { p = substr($0, RSTART, RLENGTH); sub(/^"path": *"/, "", p); sub(/"$/, "", p)
	printf "url = \"%s%s\"\noutput = \"/dev/null\"\n", b, p } }' "$SITE/expected.jsonl" >"$tmp/curl.cfg"
RAW_BEST=0
RAW_OK=1
for i in 1 2 3; do
	run_timed /dev/null "$tmp/curl.err" curl -sf --parallel --parallel-max "$CONC" -K "$tmp/curl.cfg"
	[ "$R_ST" = 0 ] && [ "$R_REQS" = "$PAGES" ] && [ "$R_404" = 0 ] || RAW_OK=0
	if [ "$RAW_BEST" = 0 ] || [ "$R_NS" -lt "$RAW_BEST" ]; then RAW_BEST=$R_NS; RAW_SRV_CPU=$R_SRV_CPU; RAW_CURL_CPU=$R_CPU; fi
done
RAW_PPS=$(pps "$RAW_BEST")
log "raw server speed: curl --parallel-max $CONC fetched $PAGES pages in $(secs "$RAW_BEST") s ($RAW_PPS pages/s)"
[ $RAW_OK = 1 ] || log "warning: curl did not fetch every page cleanly"

# ------------------------------------------------------------------ configs
"$PY" - "$SITE/manifest.json" "$BASE" "$CONC" "$tmp/wa-xpath.json" "$tmp/wa-auto.json" <<'EOF' || die "cannot write the wa-crawler configs"
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
base, conc = sys.argv[2], int(sys.argv[3])
for path, with_xpaths in ((sys.argv[4], True), (sys.argv[5], False)):
    sources = []
    for s in m["sources"]:
        d = {"name": s["name"], "kind": "news", "type": "list" if s["type"] == "list" else "feed",
             "url": base + s["path"], "max_items": max(500, s["items"])}
        if s["type"] == "list":
            d["links"] = s["links"]
        if with_xpaths:
            d.update(m["xpaths"])
        sources.append(d)
    cfg = {"crawler": {"user_agent": "wa-crawler/1.0", "contact": "mailto:bench@example.org",
                       "concurrency": conc, "sources": sources}}
    json.dump(cfg, open(path, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
EOF

# ------------------------------------------------------------------ the crawls
check() { # OUTFILE -> C_LINE, C_OK
	C_LINE=$("$PY" "$ROOT/bench/crawler_check.py" "$SITE/expected.jsonl" "$1")
	C_OK=$?
}

declare -A BEST RSS CPU SRVCPU REQS CHECK NOTE OKRUNS
for k in wa scrapy auto; do BEST[$k]=0; RSS[$k]=0; OKRUNS[$k]=0; NOTE[$k]=""; CHECK[$k]=""; done
WA_FAILED=0

one_run() { # KEY OUTFILE cmd...
	local key=$1 out=$2
	shift 2
	run_timed "$out" "$tmp/$key.err" "$@"
	if [ "$R_ST" != 0 ]; then
		NOTE[$key]="exit status $R_ST: $(grep -v '^Command ' "$tmp/$key.err" | tail -n 1 | cut -c1-160)"
		log "  $key: ${NOTE[$key]}"
		return 1
	fi
	check "$out"
	CHECK[$key]=$C_LINE
	[ "$R_KB" -gt "${RSS[$key]}" ] && RSS[$key]=$R_KB
	log "  $key: $(secs "$R_NS") s, $(pps "$R_NS") pages/s, cpu $R_CPU s, server cpu $R_SRV_CPU s, $R_REQS requests, rss $(mib "$R_KB") MiB; $C_LINE"
	if [ "$C_OK" != 0 ]; then
		NOTE[$key]="incomplete crawl: $C_LINE"
		return 1
	fi
	OKRUNS[$key]=$((OKRUNS[$key] + 1))
	if [ "${BEST[$key]}" = 0 ] || [ "$R_NS" -lt "${BEST[$key]}" ]; then
		BEST[$key]=$R_NS; CPU[$key]=$R_CPU; SRVCPU[$key]=$R_SRV_CPU; REQS[$key]=$R_REQS
	fi
}

wa_run() { # KEY CONFIG
	rm -f "$tmp/state.db" "$tmp/state.db-wal" "$tmp/state.db-shm"
	one_run "$1" "$OUT/crawler-$1.jsonl" "$WA" --config "$2" --once --stdout --no-politeness --state "$tmp/state.db" ||
		{ [ "$1" = wa ] && WA_FAILED=1; }
}

# A tool whose first run takes longer than SLOW_S runs once only (the report says so).
declare -A SKIP
slow_check() { # KEY
	if [ "$i" = 1 ] && [ "${BEST[$1]}" -gt $((SLOW_S * 1000000000)) ]; then
		SKIP[$1]=1
		NOTE[$1]="1 run only: the first took more than ${SLOW_S}s"
	fi
}

LOAD0=$(cut -d' ' -f1-3 /proc/loadavg)
for i in $(seq "$RUNS"); do
	log "run $i of $RUNS"
	[ -n "${SKIP[wa]:-}" ] || { wa_run wa "$tmp/wa-xpath.json"; slow_check wa; }
	if [ -n "$SPY" ] && [ -z "${SKIP[scrapy]:-}" ]; then
		one_run scrapy "$OUT/crawler-scrapy.jsonl" "$SPY" "$ROOT/bench/scrapy_spider.py" "$SITE/manifest.json" "$BASE" \
			"$OUT/crawler-scrapy.jsonl" --concurrency "$CONC"
		slow_check scrapy
	fi
	[ -n "${SKIP[auto]:-}" ] || { wa_run auto "$tmp/wa-auto.json"; slow_check auto; }
done
WA_SUMMARY=$(grep 'summary:' "$tmp/wa.err" | tail -n 1 | sed 's/.*summary: //')

# ------------------------------------------------------------------ report
WA_V=$("$WA" --help 2>/dev/null | head -n 1)
SCRAPY_V=$([ -n "$SPY" ] && "$SPY" -c 'import scrapy, lxml.etree as e, sys; print("Scrapy %s, lxml %s, Python %s" % (scrapy.__version__, ".".join(map(str, e.LXML_VERSION)), sys.version.split()[0]))' 2>/dev/null || echo "Scrapy: not installed")
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
[ -n "$(GIT_OPTIONAL_LOCKS=0 git -C "$ROOT" status --porcelain 2>/dev/null | head -n 1)" ] && REV="$REV (work tree has changes)"

row() { # KEY LABEL
	local k=$1
	if [ "${BEST[$k]}" != 0 ]; then
		printf '%-34s %8s %8s %9s %8s %10s %8s  %s\n' "$2" "$(secs "${BEST[$k]}")" "$(pps "${BEST[$k]}")" "${CPU[$k]}" \
			"${SRVCPU[$k]}" "${REQS[$k]}" "$(mib "${RSS[$k]}")" "${OKRUNS[$k]} complete${NOTE[$k]:+; ${NOTE[$k]}}"
	else
		printf '%-34s %s\n' "$2" "n/a (${NOTE[$k]:-not run})"
	fi
}

RATIO=""
if [ "${BEST[wa]}" != 0 ] && [ "${BEST[scrapy]}" != 0 ]; then
	RATIO=$(awk -v s="${BEST[scrapy]}" -v w="${BEST[wa]}" 'BEGIN { printf "%.2f", s / w }')
fi
if [ -z "$RATIO" ]; then
	if [ "${BEST[wa]}" = 0 ]; then VERDICT="MISSED (no wa-crawler measurement)"; else VERDICT="MISSED (no Scrapy measurement)"; fi
elif awk -v r="$RATIO" -v t="$T_RATIO" 'BEGIN { exit !(r >= t) }'; then
	VERDICT="met    (${RATIO}x Scrapy)"
else
	VERDICT="MISSED (${RATIO}x Scrapy, need ${T_RATIO}x)"
fi

{
	echo "wage-arrears watch — crawler benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'))"
	echo "host:    $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo), $(nproc) cores, $(uname -sr); load average at start $LOAD0"
	echo "repo:    $REV; $WA"
	echo "peer:    $SCRAPY_V"
	echo "site:    $PAGES article pages, $SITE_BYTES bytes ($((SITE_BYTES / PAGES)) bytes a page on average), $SITE_GBK in GBK;"
	echo "         $SITE_NSRC sources ($SITE_SRCKINDS), seed $SEED; served by bench/crawler_httpd on $BASE"
	echo "server:  raw speed, curl --parallel --parallel-max $CONC over every article page: $(secs "$RAW_BEST") s = $RAW_PPS pages/s"
	echo "         (server cpu $RAW_SRV_CPU s, curl cpu $RAW_CURL_CPU s)$([ $RAW_OK = 1 ] || echo '; WARNING: not every page fetched cleanly')"
	echo "method:  concurrency $CONC for both, politeness and robots.txt delays off, fresh state/output each run;"
	echo "         runs alternate between the tools, best of $RUNS wall times; peak RSS = max of /usr/bin/time %M;"
	echo "         pages/s = $PAGES article pages / wall seconds of the whole process; cpu = user + sys of the tool;"
	echo "         srv cpu = the server's cpu seconds during that run"
	echo ""
	printf '%-34s %8s %8s %9s %8s %10s %8s  %s\n' "tool" "best s" "pages/s" "cpu s" "srv cpu" "requests" "RSS MiB" "runs"
	row wa "wa-crawler (XPath selectors)"
	row scrapy "Scrapy (same XPath selectors)"
	row auto "wa-crawler (automatic; info)"
	echo ""
	echo "output check (last run of each; page = one document with the expected URL):"
	echo "  wa-crawler: ${CHECK[wa]:-n/a}"
	echo "  Scrapy:     ${CHECK[scrapy]:-n/a}"
	echo "  automatic:  ${CHECK[auto]:-n/a}"
	echo "  wa-crawler summary: ${WA_SUMMARY:-n/a}"
	for k in wa scrapy auto; do [ -n "${NOTE[$k]}" ] && echo "  note ($k): ${NOTE[$k]}"; done
	echo ""
	echo "ratio:   wa-crawler / Scrapy pages/s = ${RATIO:-n/a}"
	echo "target: wa-crawler >= ${T_RATIO}x Scrapy pages/s: $VERDICT"
	echo "peak RSS: wa-crawler $(mib "${RSS[wa]}") MiB, Scrapy $(mib "${RSS[scrapy]}") MiB"
} | tee "$OUT/crawler-report.txt"

if [ "$WA_FAILED" = 1 ] || [ "${BEST[wa]}" = 0 ]; then
	log "wa-crawler did not run cleanly: the benchmark is incomplete"
	exit 1
fi
exit 0
