# twelvelint: build, test, install.
#
#   make run      install missing build dependencies, build, audit examples/shop, examples/library and examples/aws-shop
#   make check    install missing build and test dependencies, build, run every test
#   make install PREFIX=/usr/local DESTDIR=
#   make sanitize make lint make docs make clean

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
CC	?= cc
CFLAGS	?= -O2 -g
PKGS	 = yaml-0.1 libcjson libgit2 libpcre2-8
WARN	 = -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	   -Wformat=2 -Werror
# Recursively expanded: pkg-config runs only once the dependencies exist.
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS))
ALL_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
	     $(WARN) -Iinclude $(PKG_CFLAGS) $(CFLAGS)
LIBS	 = $(PKG_LIBS) -lpthread -lm

B	 = build
BIN	 = $(B)/twelvelint
LIB_SRC	 = $(filter-out src/main.c,$(wildcard src/*.c)) $(wildcard rules/*.c)
LIB_OBJ	 = $(LIB_SRC:%.c=$(B)/obj/%.o) $(B)/obj/packs.o
PACKS	 = $(sort $(wildcard rules/patterns/*.yml))
UNIT_SRC = $(wildcard tests/unit/t_*.c)
UNIT_BIN = $(UNIT_SRC:tests/unit/%.c=$(B)/tests/%)
HEADERS	 = $(wildcard include/twelvelint/*.h include/twelvelint/*.def rules/*.h)
DEPS_OK	 = $(B)/.deps-ok

.PHONY: all run check test deps install uninstall sanitize lint docs clean fuzz bench

all: $(BIN)

deps: $(DEPS_OK)

$(DEPS_OK):
	@sh .ci/install-deps
	@mkdir -p $(B) && touch $@

$(B)/obj/%.o: %.c $(HEADERS) | $(DEPS_OK)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/packs.c: $(PACKS) tests/embed-packs.sh | $(DEPS_OK)
	@mkdir -p $(B)
	sh tests/embed-packs.sh $@ $(PACKS)

$(B)/obj/packs.o: $(B)/packs.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(B)/libtwelvelint.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $(LIB_OBJ)

$(BIN): $(B)/obj/src/main.o $(B)/libtwelvelint.a
	$(CC) $(ALL_CFLAGS) -o $@ $(B)/obj/src/main.o $(B)/libtwelvelint.a $(LIBS)

$(B)/tests/%: tests/unit/%.c tests/unit/tap.h $(B)/libtwelvelint.a
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itests/unit -o $@ $< $(B)/libtwelvelint.a $(LIBS)

run: $(BIN)
	@echo "== examples/shop: a service with mistakes in most factors"
	@./$(BIN) examples/shop || true
	@echo
	@echo "== examples/library: deploys nothing, so some factors do not apply"
	@./$(BIN) examples/library || true
	@echo
	@echo "== examples/aws-shop: a CloudFormation/SAM template with mistakes"
	@./$(BIN) examples/aws-shop || true

check: $(BIN) $(UNIT_BIN)
	@sh .ci/install-deps --test
	@sh tests/run.sh $(BIN) $(B)

test: check

# The whole suite again under AddressSanitizer and UndefinedBehaviorSanitizer.
sanitize:
	$(MAKE) B=build-san CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" check

BANNED	 = strcpy|strcat|sprintf|vsprintf|gets|strtok|atoi|atol|system|popen
lint:
	@if grep -nE '\<($(BANNED))[[:space:]]*\(' src/*.c rules/*.c; then \
		echo "lint: banned function (STYLE.md)"; exit 1; fi
	@if grep -nE '\<exit[[:space:]]*\(' $(filter-out src/main.c,$(wildcard src/*.c)) rules/*.c; then \
		echo "lint: exit() outside src/main.c"; exit 1; fi
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	    --std=c11 -Iinclude --suppress=missingIncludeSystem src rules

# libFuzzer harnesses of tests/fuzz, FUZZ_SECONDS each (clang installed if missing).
FUZZ_SECONDS ?= 30
fuzz: $(B)/packs.c
	@command -v clang >/dev/null 2>&1 && \
	    [ -n "$$(ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a 2>/dev/null)" ] || \
	    { [ "$$(id -u)" = 0 ] && apt-get install -y -qq clang libclang-rt-dev >/dev/null; } || \
	    { echo "fuzz: install clang and libclang-rt-dev"; exit 1; }
	sh tests/fuzz/run.sh $(B) $(FUZZ_SECONDS)

# Timing on a generated repository; compare the ratios it prints.
bench: $(BIN)
	sh tests/bench.sh $(BIN)

docs: $(BIN)
	sh tests/gen-docs.sh $(BIN)

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/twelvelint
	install -m 644 docs/twelvelint.1 $(DESTDIR)$(MANDIR)/man1/twelvelint.1
	install -d $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
	    $(DESTDIR)$(PREFIX)/share/zsh/site-functions
	install -m 644 docs/completion/twelvelint.bash \
	    $(DESTDIR)$(PREFIX)/share/bash-completion/completions/twelvelint
	install -m 644 docs/completion/_twelvelint \
	    $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_twelvelint

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/twelvelint $(DESTDIR)$(MANDIR)/man1/twelvelint.1
	rm -f $(DESTDIR)$(PREFIX)/share/bash-completion/completions/twelvelint \
	    $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_twelvelint

clean:
	rm -rf build build-san
