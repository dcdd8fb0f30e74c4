# lmskurs — plain Makefile. `make help` lists the targets.
#
#   make run        install missing Debian packages, build, start lmskurs
#   make test       the same set-up, then unit tests, sanitizer unit tests, CLI tests
#                   (plain and sanitized), tmux journeys, four writers at once
#   make killtest   kill writers at random a few hundred times; check stays clean
#   make fuzz       libFuzzer over every parser (needs clang)
#   make install    PREFIX=/usr/local DESTDIR=

VERSION  := 0.1.0
PREFIX   ?= /usr/local
BINDIR   ?= $(PREFIX)/bin
DATADIR  ?= $(PREFIX)/share
MANDIR   ?= $(DATADIR)/man
LOCALEDIR?= $(DATADIR)/locale
DESTDIR  ?=

CC       ?= cc
PKGS     := ncursesw sqlite3 pangocairo libical
PKG_CFLAGS := $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# Before `make deps` has run, pkg-config may not know the libraries yet;
# the targets that compile say so plainly instead of failing obscurely.
PKG_OK     := $(shell pkg-config --exists $(PKGS) 2>/dev/null && echo yes)
# iniparser ships no .pc file on Debian.
INI_CFLAGS := -I/usr/include/iniparser
INI_LIBS   := -liniparser

# Messages are cut to fit their buffers on purpose, so truncation is no error.
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wno-unused-parameter -Wno-format-truncation
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE $(WARN) $(CFLAGS) \
	-Iinclude -Ibuild/gen $(PKG_CFLAGS) $(INI_CFLAGS) \
	-DLK_VERSION='"$(VERSION)"' $(EXTRA_CFLAGS)
LDLIBS   := $(PKG_LIBS) $(INI_LIBS) -lm

# Build flavour: `make SAN=1 ...` builds into build-san/ with ASan+UBSan.
ifeq ($(SAN),1)
B        := build-san
EXTRA_CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -O1
EXTRA_LDFLAGS += -fsanitize=address,undefined
else
B        := build
endif

Q = @
ifeq ($(V),1)
Q =
endif

LIB_SRC  := $(wildcard src/store/*.c src/core/*.c src/io/*.c src/ui/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
LIB_OBJ  := $(LIB_SRC:%.c=$(B)/%.o)
CLI_OBJ  := $(CLI_SRC:%.c=$(B)/%.o)
SCHEMA   := $(sort $(wildcard schema/*.sql))
GEN      := build/gen/lmskurs/schema_gen.h build/gen/lmskurs/paths_gen.h
TEST_SRC := $(wildcard tests/unit/test_*.c)
TEST_BIN := $(TEST_SRC:tests/unit/%.c=$(B)/tests/%)
PO       := $(wildcard po/*.po)
MO       := $(PO:po/%.po=build/locale/%/LC_MESSAGES/lmskurs.mo)

.PHONY: update-po FORCE all run test deps unit unit-san cli-test e2e install uninstall clean help bench fuzz compile_commands.json concurrency killtest

all: $(B)/lmskurs $(MO)

help:
	@sed -n '2,8p' Makefile

deps:
	$(Q)scripts/deps.sh

run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(Q)LMSKURS_LOCALEDIR=$(CURDIR)/build/locale ./build/lmskurs

test: deps
	$(Q)$(MAKE) --no-print-directory unit
	$(Q)$(MAKE) --no-print-directory SAN=1 unit
	$(Q)$(MAKE) --no-print-directory cli-test
	$(Q)$(MAKE) --no-print-directory SAN=1 cli-test
	$(Q)$(MAKE) --no-print-directory e2e
	$(Q)$(MAKE) --no-print-directory concurrency

unit: $(TEST_BIN) $(MO)
	$(Q)set -e; for t in $(TEST_BIN); do echo "== $$t"; $$t --jobs=2; done

cli-test: $(B)/lmskurs $(MO)
	@echo "== CLI tests with $(B)/lmskurs"
	$(Q)LMSKURS_BIN=$(CURDIR)/$(B)/lmskurs tests/cli/run.sh

# Fuzz targets (libFuzzer, clang): `make fuzz FUZZ_SECONDS=60`. Each parser
# runs from its seed corpus under ASan and UBSan.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_LIB_SRC := $(filter-out src/ui/%,$(LIB_SRC))

build-fuzz/%: tests/fuzz/%.c $(FUZZ_LIB_SRC) $(GEN)
	@command -v clang >/dev/null || { echo "make fuzz needs clang: apt-get install clang libclang-rt-14-dev" >&2; exit 1; }
	@mkdir -p $(dir $@)
	@echo "  FUZZ $@"
	$(Q)clang $(filter-out -Werror -Wno-format-truncation,$(ALL_CFLAGS)) -g -O1 -fsanitize=fuzzer,address,undefined \
		-o $@ $< $(FUZZ_LIB_SRC) $(LDLIBS)

fuzz: $(FUZZ_TARGETS)
	$(Q)set -e; for t in $(FUZZ_TARGETS); do name=$${t#build-fuzz/fuzz_}; \
		mkdir -p build-fuzz/corpus-$$name; \
		$$t -max_total_time=$(FUZZ_SECONDS) -max_len=4096 build-fuzz/corpus-$$name tests/fuzz/corpus/$$name; done

# End-to-end journeys: the real binary driven in tmux.
e2e: $(B)/lmskurs $(MO)
	@echo "== end-to-end tests with $(B)/lmskurs"
	$(Q)LMSKURS_BIN=$(CURDIR)/$(B)/lmskurs tests/e2e/run.sh

# Several processes writing one database, and writers killed half-way
# (scripts/concurrency.sh, scripts/killtest.sh; tests/stress/stress.c).
concurrency: $(B)/stress $(B)/lmskurs
	$(Q)STRESS=$(CURDIR)/$(B)/stress LMSKURS_BIN=$(CURDIR)/$(B)/lmskurs scripts/concurrency.sh

killtest: $(B)/stress $(B)/lmskurs
	$(Q)STRESS=$(CURDIR)/$(B)/stress LMSKURS_BIN=$(CURDIR)/$(B)/lmskurs scripts/killtest.sh

$(B)/stress: tests/stress/stress.c $(B)/liblmskurs.a $(GEN)
	@echo "  CC  $@"
	$(Q)$(CC) $(ALL_CFLAGS) $(EXTRA_LDFLAGS) -o $@ $< $(B)/liblmskurs.a $(LDLIBS)

$(B)/lmskurs: $(CLI_OBJ) $(B)/liblmskurs.a
	@echo "  LD  $@"
	$(Q)$(CC) $(EXTRA_LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/liblmskurs.a: $(LIB_OBJ)
	@echo "  AR  $@"
	$(Q)rm -f $@; ar rcs $@ $^

$(B)/%.o: %.c $(GEN)
	@[ "$(PKG_OK)" = yes ] || { echo "lmskurs: missing libraries ($(PKGS)); run: make deps" >&2; exit 1; }
	@mkdir -p $(dir $@)
	@echo "  CC  $<"
	$(Q)$(CC) $(ALL_CFLAGS) -MMD -MP -c -o $@ $<

$(B)/tests/%: tests/unit/%.c tests/unit/testlib.h tests/unit/testlib.c $(B)/liblmskurs.a $(GEN)
	@mkdir -p $(dir $@)
	@echo "  CC  $@"
	$(Q)$(CC) $(ALL_CFLAGS) -Itests/unit $(EXTRA_LDFLAGS) -o $@ $< tests/unit/testlib.c $(B)/liblmskurs.a $(LDLIBS) -lcriterion

# The migrations are compiled into the binary so an installed program needs
# no files beside it.
build/gen/lmskurs/schema_gen.h: $(SCHEMA) scripts/embed-schema.sh
	@mkdir -p $(dir $@)
	$(Q)scripts/embed-schema.sh $(SCHEMA) > $@.tmp && mv $@.tmp $@

# Rewritten only when PREFIX/LOCALEDIR change, so `make install PREFIX=/usr`
# rebuilds what embeds the path and nothing else.
build/gen/lmskurs/paths_gen.h: FORCE
	@mkdir -p $(dir $@)
	@printf '#define LK_LOCALEDIR "%s"\n' '$(LOCALEDIR)' > $@.tmp
	@cmp -s $@.tmp $@ && rm $@.tmp || mv $@.tmp $@

FORCE:

build/locale/%/LC_MESSAGES/lmskurs.mo: po/%.po
	@mkdir -p $(dir $@)
	$(Q)msgfmt --check -o $@ $<

# Regenerates the template from every source and header and merges it into
# po/*.po; then translate what msgattrib --untranslated shows.
update-po:
	scripts/update-po.sh

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1
	install -m 0755 build/lmskurs $(DESTDIR)$(BINDIR)/lmskurs
	install -m 0644 man/lmskurs.1 $(DESTDIR)$(MANDIR)/man1/lmskurs.1
	set -e; for m in $(MO); do l=$${m#build/locale/}; \
		install -d $(DESTDIR)$(LOCALEDIR)/$$(dirname $$l); \
		install -m 0644 $$m $(DESTDIR)$(LOCALEDIR)/$$l; done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lmskurs $(DESTDIR)$(MANDIR)/man1/lmskurs.1
	rm -f $(DESTDIR)$(LOCALEDIR)/*/LC_MESSAGES/lmskurs.mo

compile_commands.json:
	bear -- $(MAKE) -B all

clean:
	rm -rf build build-san build-fuzz

-include $(LIB_OBJ:.o=.d) $(CLI_OBJ:.o=.d)
