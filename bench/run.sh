#!/usr/bin/env bash
# bench/run.sh — classifier speed benchmark (SPEC §6): bin/wa-classify side by side with
# ripgrep (rg -F -f) and GNU grep (grep -F -f) on the same corpus and the same dictionary terms.
#
# Called by `make bench` after the binaries are built; run as root on Debian 12 (it installs
# ripgrep and GNU time with apt-get when they are missing). Everything it makes goes to
# bench/out/ (gitignored):
#   gen_corpus, gen_terms      the generators, built from bench/*.c
#   corpus.jsonl               ~110 MB deterministic corpus (reused while size, seed, generator
#                              source and checksum still match)
#   corpus.labels              what the generator meant each document to be (hit, hard-*, ordinary):
#                              the report compares wa-classify's hits with it (information only)
#   dict-real/                 a copy of dict/
#   dict-10k/, dict-100k/      copies of dict/ plus extra.dict: "[unit]" and 10,000 / 100,000
#                              generated contractor names
#   terms-*.txt                `wa-classify terms --dict DIR`: the term list given to the peers
#   hits-*.jsonl               wa-classify output of the last run
#   report.txt                 the tables printed at the end
#
# Per dictionary and tool: one warm-up run (fills the page cache), then the best of 3 timed runs
# (wall time from the nanosecond clock, minus the measured cost of the timing wrapper) and the
# peak RSS over all runs (`/usr/bin/time -f '%e %M'`). MB/s = corpus bytes / 10^6 / seconds.
# A tool whose warm-up takes longer than BENCH_SLOW_S is run once only, and the table says so.
#
# Exit status: 0 when the benchmark ran, even when targets are MISSED (they are printed as such);
# 1 when it could not run: generators do not build, corpus not written, or wa-classify failed
# (non-zero exit, crash, timeout) on a measured run.
#
# Environment (all optional):
#   WA_CLASSIFY     classifier binary           (default: bin/wa-classify)
#   WA_DICT         dictionary folder           (default: dict)
#   BENCH_OUT       output folder               (default: bench/out)
#   BENCH_BYTES     corpus size in bytes        (default: 110000000)
#   BENCH_SEED      corpus/terms seed           (default: 20260214)
#   BENCH_RUNS      timed runs per tool         (default: 3)
#   BENCH_SLOW_S    warm-up seconds above which a tool runs only once (default: 30)
#   BENCH_TIMEOUT   seconds before one run is killed (default: 300)
#   BENCH_DICTS     which dictionaries          (default: "real 10k 100k")
#   BENCH_CACHE_DIR WA_CACHE_DIR for the classifier's compiled-dictionary cache (default: bench/out/cache)
#   BENCH_PARTS     other components' benchmarks run after this one (default: "stage crawler alertd",
#                   bench/NAME.sh each, when present)
#   CC              C compiler                  (default: cc)
set -u -o pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT=${BENCH_OUT:-$ROOT/bench/out}
WA=${WA_CLASSIFY:-$ROOT/bin/wa-classify}
DICT_SRC=${WA_DICT:-$ROOT/dict}
BYTES=${BENCH_BYTES:-110000000}
SEED=${BENCH_SEED:-20260214}
RUNS=${BENCH_RUNS:-3}
SLOW_S=${BENCH_SLOW_S:-30}
TIMEOUT=${BENCH_TIMEOUT:-300}
DICTS=${BENCH_DICTS:-real 10k 100k}
CC=${CC:-cc}
CFLAGS_BENCH="-std=c11 -O2 -Wall -Wextra -Werror"

# targets (SPEC §6 and the benchmark issue)
T_REAL_X=1.0      # wa-classify >= 1.0x rg, real dictionary
T_10K_X=2.0       # wa-classify >= 2.0x rg, 10k extra terms
T_LOAD_S=1.0      # 100k dictionary warm load < 1 s
T_RSS_MB=200      # peak RSS < 200 MB

unset RIPGREP_CONFIG_PATH GREP_OPTIONS GREP_COLOR GREP_COLORS
export LC_NUMERIC=C
# the classifier caches compiled dictionaries: keep that cache inside bench/out, so a run neither
# depends on nor fills the user's ~/.cache (the warm-up run fills it, as a running stage would)
export WA_CACHE_DIR=${BENCH_CACHE_DIR:-$OUT/cache}

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] error: %s\n' "$*" >&2; exit 1; }

case $BYTES in ''|*[!0-9]*) die "BENCH_BYTES must be a number of bytes, got '$BYTES'" ;; esac
case $RUNS in ''|*[!0-9]*|0) die "BENCH_RUNS must be a positive number, got '$RUNS'" ;; esac
case $SEED in ''|*[!0-9]*) die "BENCH_SEED must be a number, got '$SEED'" ;; esac

mkdir -p "$OUT" || die "cannot create $OUT"
REPORT=$OUT/report.txt
: > "$REPORT" || die "cannot write $REPORT"
say() { printf '%s\n' "$*" | tee -a "$REPORT"; }

# ------------------------------------------------------------------ peers and tools
need_pkgs=()
command -v rg >/dev/null 2>&1 || need_pkgs+=(ripgrep)
[ -x /usr/bin/time ] || need_pkgs+=(time)
if [ ${#need_pkgs[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        log "installing ${need_pkgs[*]}"
        export DEBIAN_FRONTEND=noninteractive
        apt-get install -y -q "${need_pkgs[@]}" >&2 ||
            { apt-get update -q >&2 && apt-get install -y -q "${need_pkgs[@]}" >&2; } ||
            log "could not install ${need_pkgs[*]}"
    else
        log "missing ${need_pkgs[*]} and not root with apt-get: those rows will be n/a"
    fi
fi
HAVE_RG=0; command -v rg >/dev/null 2>&1 && HAVE_RG=1
[ -x /usr/bin/time ] || die "/usr/bin/time is required (apt-get install time)"
for t in timeout sha256sum awk date; do command -v $t >/dev/null 2>&1 || die "$t is required"; done

# ------------------------------------------------------------------ generators
log "building generators"
$CC $CFLAGS_BENCH -o "$OUT/gen_corpus" "$ROOT/bench/gen_corpus.c" || die "gen_corpus does not build"
$CC $CFLAGS_BENCH -o "$OUT/gen_terms" "$ROOT/bench/gen_terms.c" || die "gen_terms does not build"

# ------------------------------------------------------------------ corpus
CORPUS=$OUT/corpus.jsonl
GEN_SUM=$(cat "$ROOT/bench/gen_corpus.c" "$ROOT/bench/names.h" | sha256sum | cut -c1-16)
META="bytes=$BYTES seed=$SEED generator=$GEN_SUM"
GEN_NOTE="reused"
LABELS=$OUT/corpus.labels
if [ -f "$CORPUS" ] && [ -f "$LABELS" ] && [ -f "$CORPUS.sha256" ] && [ "$(cat "$CORPUS.meta" 2>/dev/null)" = "$META" ] &&
   [ "$(stat -c %s "$CORPUS")" -ge "$BYTES" ] &&
   (cd "$OUT" && sha256sum --quiet -c corpus.jsonl.sha256 >/dev/null 2>&1); then
    log "reusing $CORPUS"
else
    log "generating corpus ($BYTES bytes, seed $SEED)"
    rm -f "$CORPUS" "$LABELS" "$CORPUS.sha256" "$CORPUS.meta"
    t0=$(date +%s%N)
    "$OUT/gen_corpus" --bytes "$BYTES" --seed "$SEED" --labels "$LABELS" > "$CORPUS.tmp" || die "gen_corpus failed"
    t1=$(date +%s%N)
    mv "$CORPUS.tmp" "$CORPUS"
    (cd "$OUT" && sha256sum corpus.jsonl corpus.labels > corpus.jsonl.sha256)
    printf '%s\n' "$META" > "$CORPUS.meta"
    GEN_NOTE=$(awk -v b="$(stat -c %s "$CORPUS")" -v ns=$((t1 - t0)) \
        'BEGIN { printf "generated in %.2f s (%.0f MB/s)", ns / 1e9, b / 1e6 / (ns / 1e9) }')
fi
CBYTES=$(stat -c %s "$CORPUS")
CDOCS=$(wc -l < "$CORPUS")
CSUM=$(head -n 1 "$CORPUS.sha256" | cut -c1-16)
# the extra dictionary terms come from the same seed as the corpus
TERMS_SEED=$SEED

# ------------------------------------------------------------------ dictionaries
# term list for the peers: `wa-classify terms --dict DIR`; if that fails (classifier not built
# yet, or no such command), the terms are read from the dictionary files directly and the table
# says so.
dict_terms_fallback() { # DIR -> terms on stdout
    find "$1" -name '*.dict' -type f | LC_ALL=C sort | while IFS= read -r f; do cat "$f"; echo; done |
        awk '{ sub(/\r$/, "")
               if ($0 ~ /^[ \t]*(#|$)/ || $0 ~ /^[ \t]*\[/) next
               sub(/[ \t]+[-+]?[0-9]+(\.[0-9]+)?[ \t]*$/, "")
               gsub(/^[ \t]+|[ \t]+$/, "")
               if ($0 != "" && !seen[$0]++) print }'
}

[ -d "$DICT_SRC" ] || die "dictionary folder $DICT_SRC not found"
[ -n "$(find "$DICT_SRC" -name '*.dict' -type f -print -quit)" ] ||
    log "warning: $DICT_SRC holds no *.dict file; the real dictionary is empty"

declare -A TERMS_N TERMS_SRC
for d in $DICTS; do
    dir=$OUT/dict-$d
    rm -rf "$dir"
    cp -a "$DICT_SRC" "$dir" || die "cannot copy $DICT_SRC to $dir"
    case $d in
        real) ;;
        10k|100k)
            n=$([ "$d" = 10k ] && echo 10000 || echo 100000)
            { echo "# generated by bench/gen_terms --count $n --seed $TERMS_SEED: contractor and unit names"
              echo "[unit]"
              "$OUT/gen_terms" --count "$n" --seed "$TERMS_SEED"; } > "$dir/extra.dict" ||
                die "gen_terms failed" ;;
        *) die "unknown dictionary '$d' in BENCH_DICTS (real, 10k, 100k)" ;;
    esac
    tf=$OUT/terms-$d.txt
    if [ -x "$WA" ] && "$WA" terms --dict "$dir" > "$tf" 2> "$OUT/terms-$d.err" && [ -s "$tf" ]; then
        TERMS_SRC[$d]="wa-classify terms"
    else
        dict_terms_fallback "$dir" > "$tf"
        TERMS_SRC[$d]="read from *.dict (wa-classify terms failed)"
        log "dict-$d: wa-classify terms failed, terms read from the .dict files"
    fi
    TERMS_N[$d]=$(wc -l < "$tf")
done

# ------------------------------------------------------------------ measuring
# measure OUTFILE OKSTATUSES cmd...  -> M_OK M_BEST_NS M_RSS_KB M_RUNS M_NOTE
TIMEF=$OUT/.time.$$
ERRF=$OUT/.err.$$
trap 'rm -f "$TIMEF" "$ERRF" "$CORPUS.tmp"' EXIT

# nanoseconds since the epoch: bash's own clock (no fork) where there is one
if [ -n "${EPOCHREALTIME:-}" ]; then
    now_ns() { local t=${EPOCHREALTIME/[.,]/}; NOW_NS=$(( 10#$t * 1000 )); }
else
    now_ns() { NOW_NS=$(date +%s%N); }
fi

run_once() { # OUTFILE cmd... -> R_ST R_NS R_KB
    local out=$1; shift
    local t0
    now_ns; t0=$NOW_NS
    /usr/bin/time -f '%e %M' -o "$TIMEF" timeout -k 5 "$TIMEOUT" "$@" > "$out" 2> "$ERRF"
    R_ST=$?
    now_ns
    R_NS=$(( NOW_NS - t0 - OVERHEAD_NS ))
    [ "$R_NS" -gt 0 ] || R_NS=1
    R_KB=$(tail -n 1 "$TIMEF" 2>/dev/null | awk '{ print $2 + 0 }')
    [ -n "$R_KB" ] || R_KB=0
}

OVERHEAD_NS=0
best=""
for i in 1 2 3 4 5; do
    run_once /dev/null true
    if [ -z "$best" ] || [ "$R_NS" -lt "$best" ]; then best=$R_NS; fi
done
OVERHEAD_NS=$best
log "timing wrapper overhead: $(awk -v n="$OVERHEAD_NS" 'BEGIN { printf "%.1f ms", n / 1e6 }')"

measure() {
    local out=$1 ok=$2; shift 2
    local i st_ok s
    M_OK=1; M_BEST_NS=0; M_RSS_KB=0; M_RUNS=0; M_NOTE=""
    for i in $(seq 0 "$RUNS"); do
        run_once "$out" "$@"
        st_ok=0
        for s in $ok; do [ "$R_ST" = "$s" ] && st_ok=1; done
        if [ $st_ok = 0 ]; then
            M_OK=0
            if [ "$R_ST" = 124 ] || [ "$R_ST" = 137 ]; then M_NOTE="timed out after ${TIMEOUT}s"
            elif [ "$R_ST" -gt 128 ]; then M_NOTE="killed by signal $((R_ST - 128))"
            else M_NOTE="exit status $R_ST"; fi
            M_NOTE="$M_NOTE: $(grep -v '^Command \(exited\|terminated\)' "$ERRF" | head -n 1 | cut -c1-120)"
            return
        fi
        [ "$R_KB" -gt "$M_RSS_KB" ] && M_RSS_KB=$R_KB
        if [ "$i" = 0 ]; then
            if [ "$R_NS" -gt $(( SLOW_S * 1000000000 )) ]; then
                M_BEST_NS=$R_NS; M_RUNS=1
                M_NOTE="1 run only: warm-up took more than ${SLOW_S}s"
                return
            fi
            continue
        fi
        M_RUNS=$((M_RUNS + 1))
        if [ "$M_BEST_NS" = 0 ] || [ "$R_NS" -lt "$M_BEST_NS" ]; then M_BEST_NS=$R_NS; fi
    done
}

mbps() { awk -v b="$CBYTES" -v ns="$1" 'BEGIN { printf "%.1f", b / 1e6 / (ns / 1e9) }'; }
secs() { awk -v ns="$1" 'BEGIN { printf "%.3f", ns / 1e9 }'; }
mib() { awk -v kb="$1" 'BEGIN { printf "%.1f", kb / 1024 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2fx", a / b; else printf "n/a" }'; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 >= b + 0) }'; }
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a + 0 < b + 0) }'; }

# agreement of a hits file with the generator's labels, one line (information, not a target)
agreement() { # HITS
    awk -F '\t' 'NR == FNR { lab[$1] = $2; tot[$2]++; next }
        match($0, /"id":"[^"]*"/) {
            id = substr($0, RSTART + 6, RLENGTH - 7)
            if (id in seen) next
            seen[id] = 1
            k = (id in lab) ? lab[id] : "unknown"
            got[k]++
        }
        END {
            h = got["hit"] + 0; t = tot["hit"] + 0
            printf "%d of %d complaint documents hit (%.1f%%)", h, t, t ? 100 * h / t : 0
            other = ""; n = 0
            for (k in got) if (k != "hit") { n += got[k]; other = other sprintf("%s%s %d", other == "" ? "" : ", ", k, got[k]) }
            printf "; %d hits on other documents%s\n", n, n ? " (" other ")" : ""
        }' "$LABELS" "$1"
}

# load-time output: "cold 0.123 s / warm 0.045 s", JSON, or two numbers: cold first
parse_load() { # TEXT KEY -> seconds or empty
    local v
    v=$(printf '%s\n' "$1" | grep -oiE "$2[^0-9]*[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?" | head -n 1 |
        grep -oE '[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$')
    if [ -z "$v" ]; then
        local idx=1; [ "$2" = warm ] && idx=2
        v=$(printf '%s\n' "$1" | grep -oE '[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?' | sed -n "${idx}p")
    fi
    printf '%s' "$v"
}

WA_FAILED=0
declare -A SUMMARY
STATUS_ORDER=()
target() { # KEY TEXT STATUS
    SUMMARY[$1]=$(printf '%-48s %s' "$2" "$3")
    STATUS_ORDER+=("$1")
}

HOST_CPU=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null)
RG_V=$( ((HAVE_RG)) && rg --version | head -n 1 || echo "ripgrep: not installed")
GREP_V=$(grep --version | head -n 1)
REV=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo "no commit")
DIRTY=$(GIT_OPTIONAL_LOCKS=0 git -C "$ROOT" status --porcelain 2>/dev/null | head -n 1)
[ -n "$DIRTY" ] && REV="$REV (work tree has changes)"

say "wage-arrears watch — classifier benchmark ($(date -u '+%Y-%m-%d %H:%M UTC'))"
say "host:    ${HOST_CPU:-unknown CPU}, $(nproc) cores, $(uname -sr); load average at start $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
say "repo:    $REV; classifier $WA"
say "peers:   $RG_V; $GREP_V"
say "corpus:  $CORPUS"
say "         $CBYTES bytes, $CDOCS documents, sha256 $CSUM..., seed $SEED; $GEN_NOTE"
say "method:  1 warm-up + best of $RUNS runs, wall time (timing overhead $(awk -v n="$OVERHEAD_NS" 'BEGIN { printf "%.1f ms", n / 1e6 }') subtracted);"
say "         peak RSS = max over runs of /usr/bin/time %M (includes mapped pages of the corpus);"
say "         MB/s = corpus bytes / 10^6 / s; ratio = wa-classify MB/s / peer MB/s"
say ""

[ -x "$WA" ] || log "$WA not found or not executable"

ROWFMT='%-36s %8s %9s %11s %9s   %s'
declare -A ROW_MBPS ROW_LINE

# row KEY LABEL OUTPUT-TEXT: a measured row from M_*; ROW_MBPS[KEY] set when it ran
row() {
    local key=$1 label=$2 text=$3 r="-"
    if [ $M_OK = 1 ]; then
        ROW_MBPS[$key]=$(mbps "$M_BEST_NS")
        if [ "$key" != wa ]; then
            r=$([ -n "${ROW_MBPS[wa]:-}" ] && ratio "${ROW_MBPS[wa]}" "${ROW_MBPS[$key]}" || echo n/a)
        fi
        ROW_LINE[$key]=$(printf "$ROWFMT" "$label" "$(secs "$M_BEST_NS")" "${ROW_MBPS[$key]}" \
            "$(mib "$M_RSS_KB")" "$r" "$text${M_NOTE:+ [$M_NOTE]}")
    else
        ROW_MBPS[$key]=""
        ROW_LINE[$key]=$(printf '%-36s %s' "$label" "$4 ($M_NOTE)")
    fi
}

# target line: KEY TEXT STATUS
check() { say "target: $2: $3"; target "$1" "$2" "$3"; }
ratio_status() { # WA PEER NEED
    if [ -z "$1" ] || [ -z "$2" ]; then echo "MISSED (no measurement)"; return; fi
    local x; x=$(awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }')
    if ge "$x" "$3"; then echo "met    (${x}x rg)"; else echo "MISSED (${x}x rg, need ${3}x)"; fi
}

for d in $DICTS; do
    dir=$OUT/dict-$d
    tf=$OUT/terms-$d.txt
    ROW_MBPS=(); ROW_LINE=()
    M_RSS_KB=0
    log "dictionary $d: ${TERMS_N[$d]} terms"
    say "=== dictionary: $d — $dir"
    say "    ${TERMS_N[$d]} terms for the peers (${TERMS_SRC[$d]})"
    [ "${TERMS_N[$d]}" -gt 0 ] || say "    warning: empty term list: the peers match nothing"

    # --- wa-classify: full work, JSON in, hits out
    wa_rss=""; WA_AGREE=""
    if [ -x "$WA" ]; then
        log "  wa-classify --dict $dir"
        measure "$OUT/hits-$d.jsonl" "0" "$WA" --dict "$dir" "$CORPUS"
        [ $M_OK = 1 ] && wa_rss=$(mib "$M_RSS_KB") || WA_FAILED=1
        row wa "wa-classify --dict DIR corpus" "$(wc -l < "$OUT/hits-$d.jsonl") hit lines" FAILED
        [ $M_OK = 1 ] && WA_AGREE=$(agreement "$OUT/hits-$d.jsonl")
    else
        WA_FAILED=1
        ROW_LINE[wa]=$(printf '%-36s %s' "wa-classify --dict DIR corpus" "FAILED (no executable $WA)")
    fi

    # --- peers, as the issue states them
    if ((HAVE_RG)); then
        log "  rg -F -c -j1"
        measure "$OUT/peer-rg-$d.out" "0 1" rg -F -c -j1 -f "$tf" "$CORPUS"
        row rg "rg -F -c -j1 -f terms" "$(head -c 40 "$OUT/peer-rg-$d.out" | tr -d '\n') matching lines" n/a
    else
        ROW_LINE[rg]=$(printf '%-36s %s' "rg -F -c -j1 -f terms" "n/a (ripgrep not installed)")
    fi
    log "  grep -F -c"
    measure "$OUT/peer-grep-$d.out" "0 1" env LC_ALL=C grep -F -c -f "$tf" "$CORPUS"
    row grep "LC_ALL=C grep -F -c -f terms" "$(head -c 40 "$OUT/peer-grep-$d.out" | tr -d '\n') matching lines" n/a
    # information only: rg counting every match (-c stops at the first match of each line, the
    # classifier has to find them all)
    if ((HAVE_RG)); then
        log "  rg -F --count-matches -j1 (info)"
        measure "$OUT/peer-rgall-$d.out" "0 1" rg -F --count-matches -j1 -f "$tf" "$CORPUS"
        row rgall "rg -F --count-matches -j1 (info)" "$(head -c 40 "$OUT/peer-rgall-$d.out" | tr -d '\n') matches; not a target" n/a
    fi

    say "$(printf "$ROWFMT" "tool" "best s" "MB/s" "peak RSS MB" "wa/peer" "output")"
    for k in wa rg grep rgall; do [ -n "${ROW_LINE[$k]:-}" ] && say "${ROW_LINE[$k]}"; done

    # information: how much of a peer's time is building its matcher (one search of an empty file)
    setup=""
    if ((HAVE_RG)); then
        run_once /dev/null rg -F -c -j1 -f "$tf" /dev/null
        setup="rg $(secs "$R_NS") s"
    fi
    run_once /dev/null env LC_ALL=C grep -F -c -f "$tf" /dev/null
    setup="${setup:+$setup, }grep $(secs "$R_NS") s"
    say "peer matcher build time (same terms, empty input; included in the times above): $setup"

    # information: how far into a line rg -c reads before its first term ends the line's search
    if ((HAVE_RG)) && [ "$d" = real ]; then
        first=$(rg -F -o -n --column -j1 -f "$tf" "$CORPUS" 2>/dev/null |
            awk -F: '$1 != last { last = $1; n++; sum += $2; print $2 }' | sort -n |
            awk '{ v[NR] = $1 } END { if (NR) printf "%d %d", v[int(NR / 2) + 1], v[int(NR * 0.9)] }')
        avg=$(awk -v b="$CBYTES" -v l="$(wc -l <"$CORPUS")" 'BEGIN { printf "%d", b / l }')
        [ -n "$first" ] && say "where rg -c stops (info): the first term of a line starts at byte ${first% *} (median) / ${first#* } (90th percentile) of lines of $avg bytes on average"
    fi

    # --- dictionary load time
    load_line="n/a"; warm=""
    if [ -x "$WA" ]; then
        lo=$(timeout -k 5 "$TIMEOUT" "$WA" load-time --dict "$dir" 2>&1); lst=$?
        if [ $lst = 0 ]; then
            cold=$(parse_load "$lo" cold); warm=$(parse_load "$lo" warm)
            if [ -n "$cold$warm" ]; then load_line="cold ${cold:-?} s, warm ${warm:-?} s"
            else load_line="n/a (output not understood: $(printf '%s' "$lo" | head -n 1 | cut -c1-80))"; fi
        else
            load_line="n/a (wa-classify load-time failed, exit $lst)"
        fi
    fi
    say "dictionary load (wa-classify load-time): $load_line"
    [ -n "$WA_AGREE" ] && say "hits vs generator labels (info): $WA_AGREE"

    # --- targets
    case $d in
        real) check real "wa-classify >= ${T_REAL_X}x rg, real dictionary" \
                  "$(ratio_status "${ROW_MBPS[wa]:-}" "${ROW_MBPS[rg]:-}" "$T_REAL_X")" ;;
        10k) check 10k "wa-classify >= ${T_10K_X}x rg, 10k extra terms" \
                  "$(ratio_status "${ROW_MBPS[wa]:-}" "${ROW_MBPS[rg]:-}" "$T_10K_X")" ;;
        100k)
            if [ -z "$warm" ]; then st="MISSED (no warm load time)"
            elif lt "$warm" "$T_LOAD_S"; then st="met    (${warm} s)"
            else st="MISSED (${warm} s)"; fi
            check load "100k dictionary warm load < ${T_LOAD_S} s" "$st" ;;
    esac
    if [ -z "$wa_rss" ]; then st="MISSED (no measurement)"
    elif lt "$wa_rss" "$T_RSS_MB"; then st="met    (${wa_rss} MB)"
    else st="MISSED (${wa_rss} MB)"; fi
    check "rss-$d" "wa-classify peak RSS < ${T_RSS_MB} MB ($d)" "$st"
    say ""
done

say "=== summary ==="
missed=0
for k in "${STATUS_ORDER[@]}"; do
    say "  ${SUMMARY[$k]}"
    case ${SUMMARY[$k]} in *MISSED*) missed=$((missed + 1)) ;; esac
done
if [ $missed -gt 0 ]; then say "MISSED: $missed of ${#STATUS_ORDER[@]} targets"; else say "all ${#STATUS_ORDER[@]} targets met"; fi
log "report written to $REPORT"

# The other components' benchmarks, each with its own report in $OUT (BENCH_PARTS picks them).
PART_FAILED=0
for part in ${BENCH_PARTS:-stage crawler alertd}; do
    script=$ROOT/bench/$part.sh
    [ -f "$script" ] || continue
    log "=== $part ($script)"
    if ! BENCH_OUT=$OUT bash "$script"; then
        log "$part benchmark could not run"
        PART_FAILED=1
    fi
done

if [ $PART_FAILED = 1 ]; then
    exit 1
fi
if [ $WA_FAILED = 1 ]; then
    log "wa-classify did not run cleanly: the benchmark is incomplete"
    exit 1
fi
exit 0
