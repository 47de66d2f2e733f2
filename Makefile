# wage-arrears watch — build, test, run, bench.
#   make            build bin/
#   make test       install what tests need, build, run every test (also under ASan+UBSan)
#   make run        install, build, run the product on its bundled demo input
#   make bench      speed and memory beside ripgrep and GNU grep
#   make fuzz       long libFuzzer runs (FUZZ_SECONDS each, default 300)

CC      ?= cc
CXX     ?= c++
PKGS    := libhs libpcre2-8 jansson libsodium simdjson libutf8proc
WARN    := -Wall -Wextra -Werror
CFLAGS  ?= -O2 -g
CXXFLAGS ?= -O2 -g
ALL_CFLAGS   = -std=c11 -D_GNU_SOURCE $(WARN) -MMD -MP -Ibuild/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null) $(CFLAGS) $(EXTRA_CFLAGS)
ALL_CXXFLAGS = -std=c++17 $(WARN) -MMD -MP $(shell pkg-config --cflags simdjson 2>/dev/null) $(CXXFLAGS) $(EXTRA_CFLAGS)
LIBS    = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstdc++ -lpthread -lm

# Objects of the normal build go to build/, of the sanitizer build to build/asan/.
B ?= build

COMMON_SRC     := common/buf.c common/utf8.c
CLASSIFIER_SRC := classifier/normalize.c classifier/dict.c classifier/hs_cache.c classifier/prefilter.c \
                  classifier/numerals.c classifier/classify.c classifier/hit_json.c
CLASSIFIER_CXX := classifier/json_input.cc
CLI_SRC        := classifier/cli/main.c classifier/cli/cmd_classify.c classifier/cli/cmd_explain.c \
                  classifier/cli/cmd_eval.c classifier/cli/cmd_dict.c classifier/cli/jsonl_reader.c
UNIT_TESTS     := $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))

LIB_OBJ := $(patsubst %.c,$(B)/%.o,$(COMMON_SRC) $(CLASSIFIER_SRC)) $(patsubst %.cc,$(B)/%.o,$(CLASSIFIER_CXX))
CLI_OBJ := $(patsubst %.c,$(B)/%.o,$(CLI_SRC))
LIB     := $(B)/libwaclassifier.a
BINDIR  ?= bin

.PHONY: all deps test-deps test run bench fuzz fuzz-build clean asan
all: $(BINDIR)/wa-classify $(addprefix $(B)/tests/,$(UNIT_TESTS))

deps:
	@tools/install-deps.sh build
test-deps:
	@tools/install-deps.sh test

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

$(BINDIR)/wa-classify: $(CLI_OBJ) $(LIB)
	@mkdir -p $(BINDIR)
	$(CC) $(ALL_CFLAGS) $(CLI_OBJ) $(LIB) $(LIBS) -o $@

$(B)/tests/%: tests/unit/%.c $(LIB) tests/unit/test_util.h
	@mkdir -p $(B)/tests
	$(CC) $(ALL_CFLAGS) $< $(LIB) $(LIBS) -lcmocka -o $@

# The sanitizer build: same sources, ASan + UBSan, into build/asan and build/asan/bin.
asan:
	$(MAKE) B=build/asan BINDIR=build/asan/bin CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  CXXFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	  LDFLAGS="-fsanitize=address,undefined" all

test: test-deps
	$(MAKE) all
	$(MAKE) asan
	@$(MAKE) --no-print-directory fuzz-build
	@tests/run-tests.sh

run: deps $(BINDIR)/wa-classify
	bin/wa-classify deploy/demo/posts.jsonl

bench: deps $(BINDIR)/wa-classify
	@tools/install-deps.sh bench
	@bench/run.sh

# libFuzzer targets, built with clang into build/fuzz/.
FUZZ_TARGETS := fuzz_classify fuzz_json_input
FUZZ_SAN     := -fsanitize=fuzzer-no-link,address,undefined
FUZZ_CFLAGS   = -std=c11 -D_GNU_SOURCE -g -O1 $(FUZZ_SAN) -Ibuild/gen $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
FUZZ_OBJ     := $(patsubst %.c,build/fuzz/obj/%.o,$(COMMON_SRC) $(CLASSIFIER_SRC)) build/fuzz/obj/classifier/json_input.o
fuzz-build: $(addprefix build/fuzz/,$(FUZZ_TARGETS))
build/fuzz/obj/classifier/normalize.o: build/gen/t2s_table.inc
build/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -c $< -o $@
build/fuzz/obj/classifier/json_input.o: classifier/json_input.cc
	@mkdir -p $(dir $@)
	clang++ -std=c++17 -g -O1 $(FUZZ_SAN) $(shell pkg-config --cflags simdjson 2>/dev/null) -c $< -o $@
build/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_setup.h $(FUZZ_OBJ)
	@mkdir -p build/fuzz/obj
	clang $(FUZZ_CFLAGS) -c $< -o build/fuzz/obj/$*.o
	clang++ -fsanitize=fuzzer,address,undefined build/fuzz/obj/$*.o $(FUZZ_OBJ) $(LIBS) -o $@

FUZZ_SECONDS ?= 300
fuzz: test-deps fuzz-build
	tests/fuzz/run-fuzz.sh $(FUZZ_SECONDS)

clean:
	rm -rf build bin

# Objects are kept between builds (make would delete the fuzz objects as intermediates).
.SECONDARY:

-include $(shell find build -name '*.d' 2>/dev/null)
