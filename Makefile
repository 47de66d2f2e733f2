# wage-arrears watch — build, test, run, bench.
#   make            build bin/
#   make test       install what tests need, build, run every test (also under ASan+UBSan)
#   make run        install, build, run the whole pipeline on the bundled demo source (Ctrl-C stops it)
#   make bench      speed and memory beside ripgrep and GNU grep
#   make fuzz       long libFuzzer runs (FUZZ_SECONDS each, default 300)
#   make kafka-test only the Kafka tests (tests/kafka), against bin/wa-kafka-dev

CC      ?= cc
CXX     ?= c++
CLASSIFIER_PKGS := libhs libpcre2-8 jansson libsodium simdjson libutf8proc
PKGS    := $(CLASSIFIER_PKGS) rdkafka libmicrohttpd
WARN    := -Wall -Wextra -Werror
CFLAGS  ?= -O2 -g
CXXFLAGS ?= -O2 -g
ALL_CFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN) -MMD -MP -Ibuild/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS) $(EXTRA_CFLAGS)
ALL_CXXFLAGS = -std=c++17 $(WARN) -MMD -MP $(shell pkg-config --cflags simdjson 2>/dev/null) $(CXXFLAGS) $(EXTRA_CFLAGS)
LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstdc++ -lpthread -lm
# What the offline classifier links: no Kafka, no HTTP (their libraries' start-up alone
# costs more than classifying a few megabytes).
CLASSIFIER_LIBS = $(shell pkg-config --libs $(CLASSIFIER_PKGS) 2>/dev/null) -lstdc++ -lpthread -lm

# Objects of the normal build go to build/, of the sanitizer build to build/asan/.
B ?= build

COMMON_SRC     := common/buf.c common/utf8.c
CLASSIFIER_SRC := classifier/normalize.c classifier/dict.c classifier/pattern_names.c classifier/hs_cache.c classifier/prefilter.c \
                  classifier/numerals.c classifier/classify.c classifier/hit_json.c
CLASSIFIER_CXX := classifier/json_input.cc
CLI_SRC        := classifier/cli/main.c classifier/cli/cmd_classify.c classifier/cli/cmd_explain.c \
                  classifier/cli/cmd_eval.c classifier/cli/cmd_dict.c classifier/cli/jsonl_reader.c \
                  classifier/cli/cli_common.c
UNIT_TESTS     := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
# Kafka plumbing shared by every service, and the classifier's Kafka stage.
KAFKA_SRC      := common/config.c common/metrics_http.c common/listen_addr.c kafka/kafka_client.c kafka/commit_tracker.c \
                  kafka/dead_letter.c
STAGE_SRC      := classifier/stage/stage_main.c classifier/stage/stage_run.c classifier/stage/dict_watch.c

LIB_OBJ := $(patsubst %.c,$(B)/%.o,$(COMMON_SRC) $(CLASSIFIER_SRC)) $(patsubst %.cc,$(B)/%.o,$(CLASSIFIER_CXX))
CLI_OBJ := $(patsubst %.c,$(B)/%.o,$(CLI_SRC))
LIB     := $(B)/libwaclassifier.a
KAFKA_OBJ := $(patsubst %.c,$(B)/%.o,$(KAFKA_SRC))
STAGE_OBJ := $(patsubst %.c,$(B)/%.o,$(STAGE_SRC))
KAFKA_LIB := $(B)/libwakafka.a
BINDIR  ?= bin

.PHONY: all deps test-deps test run bench fuzz fuzz-build clean asan kafka-test
all: $(BINDIR)/wa-classify $(BINDIR)/wa-classify-stage $(BINDIR)/wa-kafka-dev $(B)/tests/wa-kafka-tool $(addprefix $(B)/tests/,$(UNIT_TESTS))

deps:
	@tools/install-deps.sh build
test-deps:
	@tools/install-deps.sh test
# The browser tests' npm packages (tests/browser/package-lock.json), when missing or out of date.
browser-deps: test-deps
	@if [ ! -d tests/browser/node_modules/playwright-core ] || \
	  [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then \
	  npm ci --prefix tests/browser --no-audit --no-fund; fi
.PHONY: browser-deps

build/gen/t2s_table.inc: tools/gen_t2s.c common/utf8.h
	@mkdir -p build/gen
	$(CC) -std=c11 -O2 $(WARN) tools/gen_t2s.c -lopencc -o build/gen/gen_t2s
	build/gen/gen_t2s $@.tmp && mv $@.tmp $@

$(B)/classifier/normalize.o: build/gen/t2s_table.inc

$(B)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/%.o: %.cc
	@mkdir -p $(dir $@)
	$(CXX) $(ALL_CXXFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(KAFKA_LIB): $(KAFKA_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BINDIR)/wa-classify: $(CLI_OBJ) $(LIB)
	@mkdir -p $(BINDIR)
	$(CC) $(ALL_CFLAGS) $(CLI_OBJ) $(LIB) $(CLASSIFIER_LIBS) -o $@

$(BINDIR)/wa-classify-stage: $(STAGE_OBJ) $(B)/classifier/cli/cli_common.o $(KAFKA_LIB) $(LIB)
	@mkdir -p $(BINDIR)
	$(CC) $(ALL_CFLAGS) $(STAGE_OBJ) $(B)/classifier/cli/cli_common.o $(KAFKA_LIB) $(LIB) $(LIBS) -o $@

$(BINDIR)/wa-kafka-dev: $(B)/kafka/dev/wa_kafka_dev.o
	@mkdir -p $(BINDIR)
	$(CC) $(ALL_CFLAGS) $< $(shell pkg-config --libs rdkafka 2>/dev/null) -lpthread -o $@

# The Kafka tests' helper (produce a file, dump a topic, wait for a group, measure latency).
$(B)/tests/wa-kafka-tool: $(B)/tests/kafka/wa_kafka_tool.o $(KAFKA_LIB) $(LIB)
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) $< $(KAFKA_LIB) $(LIB) $(LIBS) -o $@

$(B)/tests/%: tests/unit/%.c $(LIB) $(KAFKA_LIB) tests/unit/test_util.h
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) $< $(KAFKA_LIB) $(LIB) $(LIBS) -lcmocka -o $@

# The sanitizer build: same sources, ASan + UBSan, into build/asan and build/asan/bin.
asan:
	$(MAKE) B=build/asan BINDIR=build/asan/bin CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  CXXFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" all

test: test-deps browser-deps
	$(MAKE) all
	$(MAKE) asan
	@$(MAKE) --no-print-directory fuzz-build
	@tests/run-tests.sh

kafka-test: test-deps
	$(MAKE) all
	@tests/kafka/test_kafka.sh

# The whole pipeline on the bundled demo source (deploy/demo/run.sh; Ctrl-C stops it). The
# packages are installed first, in their own step, so that this build sees their pkg-config flags.
run: deps
	@$(MAKE) --no-print-directory run-bins
	@deploy/demo/run.sh

bench: deps $(BINDIR)/wa-classify $(BINDIR)/wa-classify-stage $(BINDIR)/wa-kafka-dev $(B)/tests/wa-kafka-tool
	@tools/install-deps.sh bench
	@bench/run.sh

# libFuzzer targets, built with clang into build/fuzz/.
FUZZ_TARGETS := fuzz_classify fuzz_json_input
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined
# -MMD -MP: an object rebuilt when a header it includes changes (a struct's layout, say), as in
# the other builds; the targets' own objects name the target so that it is relinked too.
FUZZ_CFLAGS   = -std=c11 -D_GNU_SOURCE -g -O1 -MMD -MP $(FUZZ_SAN) -Ibuild/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_OBJ     := $(patsubst %.c,build/fuzz/obj/%.o,$(COMMON_SRC) $(CLASSIFIER_SRC)) build/fuzz/obj/classifier/json_input.o
fuzz-build: $(addprefix build/fuzz/,$(FUZZ_TARGETS))
build/fuzz/obj/classifier/normalize.o: build/gen/t2s_table.inc
build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -c $< -o $@
build/fuzz/obj/classifier/json_input.o: classifier/json_input.cc
	@mkdir -p $(dir $@)
	clang++ -std=c++17 -g -O1 -MMD -MP $(FUZZ_SAN) $(shell pkg-config --cflags simdjson 2>/dev/null) -c $< -o $@
build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_setup.h $(FUZZ_OBJ)
	@mkdir -p build/fuzz/obj
	clang $(FUZZ_CFLAGS) -MT $@ -c $< -o build/fuzz/obj/$*.o
	clang++ -fsanitize=fuzzer,address,undefined build/fuzz/obj/$*.o $(FUZZ_OBJ) $(LIBS) -o $@

FUZZ_SECONDS ?= 300
fuzz: test-deps fuzz-build
	tests/fuzz/run-fuzz.sh $(FUZZ_SECONDS)

# ---- the crawler (crawler/, bin/wa-crawler) ----------------------------------------------
CRAWLER_PKGS   := libcurl libxml-2.0 sqlite3
CRAWLER_CFLAGS := $(shell pkg-config --cflags $(CRAWLER_PKGS) 2>/dev/null)
CRAWLER_LIBS   := $(shell pkg-config --libs $(CRAWLER_PKGS) 2>/dev/null)
# Parsers and helpers (no network, no database): also what the fuzz targets link.
CRAWLER_PARSE_SRC := crawler/charset.c crawler/urlcanon.c crawler/robots.c crawler/dates.c crawler/simhash.c \
                     crawler/extract.c crawler/feed.c
CRAWLER_SRC    := $(CRAWLER_PARSE_SRC) crawler/state.c crawler/sources.c crawler/crawl.c
CRAWLER_OBJ    := $(patsubst %.c,$(B)/%.o,$(CRAWLER_SRC))
CRAWLER_LIB    := $(B)/libwacrawler.a
CRAWLER_TESTS  := $(patsubst tests/crawler/%.c,%,$(wildcard tests/crawler/test_crawler_*.c))
CRAWLER_FUZZ   := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_crawler_*.c))

all: $(BINDIR)/wa-crawler $(addprefix $(B)/tests/,$(CRAWLER_TESTS))

$(B)/crawler/%.o: ALL_CFLAGS += $(CRAWLER_CFLAGS)

$(CRAWLER_LIB): $(CRAWLER_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BINDIR)/wa-crawler: $(B)/crawler/cli/main.o $(CRAWLER_LIB) $(KAFKA_LIB) $(LIB)
	@mkdir -p $(BINDIR)
	$(CC) $(ALL_CFLAGS) $< $(CRAWLER_LIB) $(KAFKA_LIB) $(LIB) $(CRAWLER_LIBS) $(LIBS) -o $@

$(B)/tests/test_crawler_%: tests/crawler/test_crawler_%.c $(CRAWLER_LIB) $(LIB)
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) $(CRAWLER_CFLAGS) $< $(CRAWLER_LIB) $(LIB) $(CRAWLER_LIBS) $(LIBS) -lcmocka -o $@

CRAWLER_FUZZ_OBJ := $(patsubst %.c,build/fuzz/obj/%.o,$(COMMON_SRC) $(CRAWLER_PARSE_SRC))
fuzz-build: $(addprefix build/fuzz/,$(CRAWLER_FUZZ))
build/fuzz/obj/crawler/%.o: FUZZ_CFLAGS += $(CRAWLER_CFLAGS)
# A static pattern rule, so that it wins over the classifier's build/fuzz/% rule.
$(addprefix build/fuzz/,$(CRAWLER_FUZZ)): build/fuzz/%: tests/fuzz/%.c $(CRAWLER_FUZZ_OBJ)
	@mkdir -p build/fuzz/obj
	clang $(FUZZ_CFLAGS) $(CRAWLER_CFLAGS) -MT $@ -c $< -o build/fuzz/obj/$*.o
	clang++ -fsanitize=fuzzer,address,undefined build/fuzz/obj/$*.o $(CRAWLER_FUZZ_OBJ) \
	  $(CRAWLER_LIBS) $(LIBS) -o $@

# ---- the alerting service (alerting/, bin/wa-alertd) ---------------------------------------
ALERT_PKGS   := libcurl sqlite3 libmicrohttpd xlsxwriter
ALERT_CFLAGS := $(shell pkg-config --cflags $(ALERT_PKGS) 2>/dev/null)
ALERT_LIBS   := $(shell pkg-config --libs $(ALERT_PKGS) 2>/dev/null)
# crawler/simhash.c: the near-duplicate fingerprint, shared with the crawler.
ALERT_SRC    := alerting/ledger_sqlite.c alerting/alert_config.c alerting/unitname.c alerting/workflow.c \
                alerting/notify.c alerting/incidents.c alerting/clocks.c alerting/deliver.c \
                alerting/hotline_api.c alerting/service.c crawler/simhash.c \
                alerting/accounts.c alerting/ledger_staff_sqlite.c alerting/api_staff.c \
                alerting/api_http.c alerting/api_stream.c alerting/api_reports.c alerting/report_monthly.c \
                alerting/api_analyst.c alerting/api_admin.c alerting/static_files.c alerting/sla.c \
                alerting/spans.c alerting/ledger_views_sqlite.c alerting/prefecture.c
ALERT_OBJ    := $(patsubst %.c,$(B)/%.o,$(ALERT_SRC))
ALERT_LIB    := $(B)/libwaalert.a
ALERT_TESTS  := $(patsubst tests/alerting/%.c,%,$(wildcard tests/alerting/test_alert_*.c))

all: $(BINDIR)/wa-alertd $(addprefix $(B)/tests/,$(ALERT_TESTS))

$(B)/alerting/%.o: ALL_CFLAGS += $(ALERT_CFLAGS)

$(ALERT_LIB): $(ALERT_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BINDIR)/wa-alertd: $(B)/alerting/cli/main.o $(ALERT_LIB) $(KAFKA_LIB) $(LIB)
	@mkdir -p $(BINDIR)
	$(CC) $(ALL_CFLAGS) $< $(ALERT_LIB) $(KAFKA_LIB) $(LIB) $(ALERT_LIBS) $(LIBS) -o $@

$(B)/tests/test_alert_%: tests/alerting/test_alert_%.c $(ALERT_LIB) $(KAFKA_LIB) $(LIB)
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) $(ALERT_CFLAGS) $< $(ALERT_LIB) $(KAFKA_LIB) $(LIB) $(ALERT_LIBS) $(LIBS) -lcmocka -o $@

# The fuzz target of the service's untrusted input (hit messages, hotline bodies).
ALERT_FUZZ_OBJ := $(patsubst %.c,build/fuzz/obj/%.o,$(ALERT_SRC) $(KAFKA_SRC)) $(FUZZ_OBJ)
fuzz-build: build/fuzz/fuzz_alert_input
build/fuzz/obj/alerting/%.o: FUZZ_CFLAGS += $(ALERT_CFLAGS)
build/fuzz/fuzz_alert_input: tests/fuzz/fuzz_alert_input.c $(ALERT_FUZZ_OBJ)
	@mkdir -p build/fuzz/obj
	clang $(FUZZ_CFLAGS) $(ALERT_CFLAGS) -MT $@ -c $< -o build/fuzz/obj/fuzz_alert_input.o
	clang++ -fsanitize=fuzzer,address,undefined build/fuzz/obj/fuzz_alert_input.o $(ALERT_FUZZ_OBJ) $(ALERT_LIBS) $(LIBS) -o $@

# ---- the demo and deployment helpers (deploy/demo/) ------------------------------------------
# wa-demo-site: the demo source of `make run`; wa-notify-sink: the offices' receivers in the demo.
DEMO_BINS := $(BINDIR)/wa-demo-site $(BINDIR)/wa-notify-sink
all: $(DEMO_BINS)
run-bins: $(BINDIR)/wa-classify $(BINDIR)/wa-classify-stage $(BINDIR)/wa-kafka-dev $(BINDIR)/wa-crawler $(BINDIR)/wa-alertd $(DEMO_BINS)
.PHONY: run-bins

$(BINDIR)/wa-demo-site: $(B)/deploy/demo/demo_site.o $(B)/deploy/demo/demo_http.o $(B)/common/listen_addr.o
	@mkdir -p $(BINDIR)
	$(CC) $(ALL_CFLAGS) $^ $(shell pkg-config --libs jansson libmicrohttpd 2>/dev/null) -lpthread -o $@

$(BINDIR)/wa-notify-sink: $(B)/deploy/demo/notify_sink.o $(B)/deploy/demo/demo_http.o $(B)/common/listen_addr.o
	@mkdir -p $(BINDIR)
	$(CC) $(ALL_CFLAGS) $^ $(shell pkg-config --libs jansson libmicrohttpd 2>/dev/null) -lpthread -o $@

clean:
	rm -rf build bin

# Objects are kept between builds (make would delete the fuzz objects as intermediates).
.SECONDARY:

-include $(shell find build -name '*.d' 2>/dev/null)
