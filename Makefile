# errptr: build the GCC plugin, run the demo and the test suite.
#
#   make                 build plugin/errptr-gcc$(MAJOR).so and the loader plugin/errptr.so
#   make demo            build examples/*/ against the kernel headers with the plugin
#   make check           runner self-test, then testsuite/dg, testsuite/kbuild, examples
#   make check CC=gcc-11 the same with GCC 11 (builds plugin/errptr-gcc11.so)
#   make deps            install (as root) or name (otherwise) the Debian packages needed
#                        to build and to run make check
#   make check-compilers the release check: make check with GCC 13, 14 (Debian 13) and
#                        15, 16 (Debian testing), each in a fresh root of its release
#   make doc-samples     make the sample outputs in README.md, docs/ and examples/ again
#                        from what make demo prints (make check fails when they differ)
#   make clean
#   make rules KSRC=/usr/src/linux-source-6.1 [KBUILD_OUT=DIR] [LEARN_DIRS="fs mm ..."]
#                        learn contracts from the kernel itself (docs/learn.md): build its
#                        directories with the learn mode, merge into rules/learned/
#
# Variables: CC, CXX, KDIR (kernel build dir), TESTS (files/dirs for check),
# RUNFLAGS (extra testsuite/run.sh options, e.g. -v or -j1).

# GNU make's built-in default for CC is "cc": take gcc unless CC was set by the user.
ifeq ($(origin CC),default)
CC := gcc
endif

# The GCC major version the plugin is built for. On a fresh machine the compiler may not
# be installed yet ("make deps" installs it): take the number from CC's name, else that
# of the release's default compiler (the gcc-N the "gcc" package depends on: 12 on
# Debian 12, 14 on Debian 13, 16 on testing), else 12.
MAJOR := $(shell $(CC) -dumpversion 2>/dev/null | cut -d. -f1)
ifeq ($(MAJOR),)
MAJOR := $(or $(patsubst gcc-%,%,$(filter gcc-%,$(notdir $(firstword $(CC))))),$(shell \
	apt-cache depends gcc 2>/dev/null | sed -n 's/^ *Depends: gcc-\([0-9][0-9]*\)$$/\1/p' | head -n 1),12)
endif

# The C++ compiler matching CC: g++-N if it exists, else g++ if it is the same major.
ifeq ($(origin CXX),default)
CXX := $(shell if command -v g++-$(MAJOR) >/dev/null 2>&1; then echo g++-$(MAJOR); \
	elif [ "`g++ -dumpversion 2>/dev/null | cut -d. -f1`" = "$(MAJOR)" ]; then echo g++; \
	else echo g++-$(MAJOR); fi)
endif

# Recursively expanded: evaluated when used, i.e. after "make deps" has installed things.
PLUGIN_INC = $(shell $(CC) -print-file-name=plugin)/include
KDIR ?= $(shell sh $(CURDIR)/testsuite/run.sh --print-kdir)

# errptr's version, one for the plugin (plugin_info, so "gcc -v" lists it; the SARIF
# logs' tool.driver.version) and the tools (errptr-gate --version): the file VERSION.
ERRPTR_VERSION := $(shell cat $(CURDIR)/VERSION)
VERSION_FLAG = -DERRPTR_VERSION='"$(ERRPTR_VERSION)"'

# gnu++11 compiles the plugin headers of GCC 11 to 15 (checked with gcc-plugin.h, tree.h,
# gimple.h, ssa.h, cgraph.h, gimple-range.h, diagnostic.h).  GCC 16 itself is written in
# C++14 (its diagnostics/context.h has a function with a deduced 'auto &' return type):
# gnu++14 from 16 on.
CXXSTD ?= $(if $(filter-out 11 12 13 14 15,$(MAJOR)),gnu++14,gnu++11)
PLUGIN_CXXFLAGS = -x c++ -std=$(CXXSTD) -fno-rtti -fno-exceptions -fPIC -O2 -g -Wall \
	-Wno-unused-parameter -I$(PLUGIN_INC) -DERRPTR_RULES_DIR='"$(CURDIR)/rules"' $(VERSION_FLAG)
LOADER_CFLAGS = -fPIC -shared -O2 -Wall

OBJDIR := build/gcc$(MAJOR)
PLUGIN_SO := plugin/errptr-gcc$(MAJOR).so
LOADER_SO := plugin/errptr.so
PLUGIN_SRCS := $(filter-out plugin/loader.c,$(wildcard plugin/*.c))
PLUGIN_OBJS := $(patsubst plugin/%.c,$(OBJDIR)/%.o,$(PLUGIN_SRCS))
# lib/: the GCC-free code the plugin shares with the tools (strings, JSON, the baseline
# fingerprint, the summary records, the rules syntax), compiled as C++ here, as C there.
LIB_SRCS := $(wildcard lib/*.c)
PLUGIN_OBJS += $(patsubst lib/%.c,$(OBJDIR)/lib/%.o,$(LIB_SRCS))
PLUGIN_CXXFLAGS += -I$(CURDIR)/lib

TESTS ?=
RUNFLAGS ?=
RUN = sh testsuite/run.sh --cc '$(CC)' $(if $(KDIR),--kdir '$(KDIR)')

.PHONY: all deps demo check check-selftest clean
.DELETE_ON_ERROR:

all: deps $(PLUGIN_SO) $(LOADER_SO)

# ------------------------------------------------------------------ packages
# What an out-of-tree module build needs with Debian's headers: make and the kernel's
# headers (linux-headers-amd64 pulls linux-kbuild-6.1 with prebuilt fixdep, modpost and
# objtool, and gcc-12, the kernel's compiler). bc, flex, bison and libelf-dev are only
# needed to build a kernel or those tools, not for M= builds (verified: none is run).
KHEADERS_PKG ?= linux-headers-amd64
CC_PKG := $(filter gcc gcc-%,$(notdir $(firstword $(CC))))
CXX_PKG := $(if $(filter g++ g++-%,$(notdir $(firstword $(CXX)))),g++-$(MAJOR))
DEPS_PKGS = make $(CC_PKG) $(CXX_PKG) gcc-$(MAJOR)-plugin-dev libgmp-dev \
	$(if $(wildcard $(KDIR)/Makefile),,$(KHEADERS_PKG))
# The learned-rules index (plugin: tinycdb lookups) and tools/errptr-merge (libelf, tinycdb).
DEPS_PKGS += libcdb-dev libelf-dev
# What the tests of "make check" use besides the build (testsuite/tools/*.sh): python3 and
# its jsonschema (SARIF and gate tests), cpio (install.sh copies the tree), groff (it
# renders errptr.1), file and the 32-bit compiler (merge-walk.sh's ELF32 object), clang
# and its sanitizer and fuzzer runtime (fuzz-smoke.sh).  "make deps" and "make check"
# install them; "make" alone needs only DEPS_PKGS.  Targets that need more install it
# themselves: csmith, fuzz (CSMITH_PKGS, FUZZ_PKGS), ksrc (linux-source-6.1 and KBUILD_PKGS) and
# check-ccache-distcc (ccache, distcc).
CHECK_PKGS = python3 python3-jsonschema cpio groff-base file gcc-$(MAJOR)-multilib \
	clang libclang-rt-dev
DEPS_WANTED = $(DEPS_PKGS) $(if $(filter deps check,$(MAKECMDGOALS)),$(CHECK_PKGS))

# The compilers errptr supports and the Debian releases that ship them with their plugin
# headers (README.md, "Compilers and kernels"); "make deps CC=gcc-N" installs gcc-N, g++-N,
# gcc-N-plugin-dev (and for make check gcc-N-multilib) where they are packaged.
DEPS_RELEASES = errptr's compilers: gcc-11 and gcc-12 on Debian 12 (bookworm), gcc-13 and \
	gcc-14 on Debian 13 (trixie), gcc-14, gcc-15 and gcc-16 on Debian testing (forky)

deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "deps: no dpkg-query (not Debian?); make sure these are installed: $(strip $(DEPS_WANTED))"; \
		exit 0; \
	fi; \
	missing=`dpkg-query -W -f='$${db:Status-Abbrev} $${Package}\n' $(DEPS_WANTED) 2>/dev/null | \
		awk '$$1 == "ii" { ok[$$2] = 1 } \
		END { n = split("$(strip $(DEPS_WANTED))", p, " "); \
		      for (i = 1; i <= n; i++) if (!(p[i] in ok)) m = m (m == "" ? "" : " ") p[i]; print m }'`; \
	[ -z "$$missing" ] && exit 0; \
	if [ "`id -u`" = 0 ]; then \
		echo "deps: installing $$missing"; \
		apt-get -o DPkg::Lock::Timeout=600 update || exit 1; \
		if ! apt-cache show gcc-$(MAJOR)-plugin-dev >/dev/null 2>&1; then \
			. /etc/os-release 2>/dev/null; \
			echo "deps: GCC $(MAJOR)'s plugin headers (gcc-$(MAJOR)-plugin-dev) are not packaged for $${PRETTY_NAME:-this system}; $(DEPS_RELEASES)"; \
			exit 1; \
		fi; \
		DEBIAN_FRONTEND=noninteractive \
			apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends $$missing; \
	else \
		echo "deps: missing Debian packages: $$missing"; \
		echo "deps: install them with:  sudo apt-get install -y $$missing"; \
		exit 1; \
	fi

# ------------------------------------------------------------------ the plugin
# Linked without libstdc++ and libgcc_s: the C-style plugin needs only operator new and
# delete from the C++ runtime, and cc1 exports those itself.  Loading libstdc++ into
# every compiler cost 1.1 MB of RSS and most of the plugin's start-up (docs/performance.md).
PLUGIN_LDFLAGS = -shared -nodefaultlibs
$(PLUGIN_SO): $(PLUGIN_OBJS)
	@if [ -z "$(PLUGIN_OBJS)" ]; then echo "no plugin sources in plugin/*.c" >&2; exit 1; fi
	$(CXX) $(PLUGIN_LDFLAGS) -o $@ $(PLUGIN_OBJS) -lcdb -lc -lgcc

$(OBJDIR)/%.o: plugin/%.c | deps $(OBJDIR)
	$(CXX) $(PLUGIN_CXXFLAGS) -MMD -MP -c $< -o $@
$(PLUGIN_OBJS): VERSION

$(OBJDIR)/lib/%.o: lib/%.c | deps $(OBJDIR)/lib
	$(CXX) $(PLUGIN_CXXFLAGS) -MMD -MP -c $< -o $@

# The loader is plain C without GCC headers: one build serves every compiler.
$(LOADER_SO): plugin/loader.c | deps build
	$(CC) $(LOADER_CFLAGS) -MMD -MP -MF build/loader.d -MT $@ -o $@ $< -ldl

$(OBJDIR) $(OBJDIR)/lib build build/lib:
	mkdir -p $@

-include $(PLUGIN_OBJS:.o=.d) build/loader.d

# ------------------------------------------------------------------ demo and tests
demo: all
	$(RUN) --plugin $(CURDIR)/$(LOADER_SO) --demo

check-selftest: deps
	$(RUN) --selftest

# The samples of the demo's output in the documentation: scripts/doc-samples.sh; make check
# compares them (testsuite/scripts/doc-samples.sh), and checks the links (doc-links.sh).
.PHONY: doc-samples
doc-samples: all
	sh scripts/doc-samples.sh --update --cc '$(CC)' --plugin $(CURDIR)/$(LOADER_SO) $(if $(KDIR),--kdir '$(KDIR)')

# make check: the runner's self-test, the dg and kbuild tests (under this GCC and the other
# supported one, 11 or 12), and (without TESTS=) the
# tests of the tools (SARIF, gate, merge, torture, bad input, learn concurrency, learned
# rules, install, errptr.mk, the documentation's samples and links, ccache and distcc -
# the last installs ccache and distcc as root, else says SKIP); each part prints its own
# "N passed, N failed", the last line is the total.  It installs CHECK_PKGS first.
# The other GCC Debian 12 ships plugin headers for: make check builds errptr for it too
# (installing gcc-N, g++-N and gcc-N-plugin-dev as root) and runs the dg and kbuild tests
# with it. CHECK_OTHER_GCC=no skips that.
CHECK_OTHER_GCC ?= yes
OTHER_MAJOR := $(if $(filter yes,$(CHECK_OTHER_GCC)),$(if $(filter 12,$(MAJOR)),11,$(if $(filter 11,$(MAJOR)),12)))

# ------------------------------------------------------------------ the tools
# tools/gate/ and tools/merge/ (the programs "make install" ships), linked with lib/ built
# as C into build/liberrptr.a.
TOOLS_CFLAGS = -O2 -g -Wall -I$(CURDIR)/lib
LIB_C_OBJS := $(patsubst lib/%.c,build/lib/%.o,$(LIB_SRCS))
LIB_A := build/liberrptr.a
build/lib/%.o: lib/%.c | deps build/lib
	$(CC) $(TOOLS_CFLAGS) -MMD -MP -c $< -o $@
$(LIB_A): $(LIB_C_OBJS)
	rm -f $@ && ar rcs $@ $^
-include $(LIB_C_OBJS:.o=.d)

GATE := tools/errptr-gate
GATE_SRCS := $(wildcard tools/gate/*.c)
all: $(GATE)
$(GATE): $(GATE_SRCS) $(LIB_A) $(wildcard lib/*.h) VERSION | deps
	$(CC) $(TOOLS_CFLAGS) $(VERSION_FLAG) -o $@ $(GATE_SRCS) $(LIB_A)

TOOLS_RUN = ERRPTR_SLOW_TESTS=1 ERRPTR_MERGE=$(CURDIR)/$(MERGE) sh testsuite/tools/run.sh --cc '$(CC)' \
	--plugin $(CURDIR)/$(LOADER_SO) --gate $(CURDIR)/$(GATE) $(if $(KDIR),--kdir '$(KDIR)')

check: deps-kernels all
	@mkdir -p build; rm -f build/check.*; \
	{ $(RUN) --selftest; echo $$? > build/check.1.rc; } | tee build/check.1.out; \
	{ $(RUN) --plugin $(CURDIR)/$(LOADER_SO) $(RUNFLAGS) $(TESTS); echo $$? > build/check.2.rc; } | \
		tee build/check.2.out; \
	$(if $(TESTS),,{ $(TOOLS_RUN); echo $$? > build/check.3.rc; } | tee build/check.3.out;) \
	$(if $(OTHER_MAJOR),{ echo "== the dg and kbuild tests again under gcc-$(OTHER_MAJOR)"; \
	  $(MAKE) --no-print-directory CC=gcc-$(OTHER_MAJOR) all && \
	  sh testsuite/run.sh --cc gcc-$(OTHER_MAJOR) $(if $(KDIR),--kdir '$(KDIR)') \
	    --plugin $(CURDIR)/$(LOADER_SO) $(RUNFLAGS) $(TESTS); echo $$? > build/check.4.rc; } | \
	  tee build/check.4.out;) \
	awk '/[0-9]+ passed, [0-9]+ failed/ { last[FILENAME] = $$0 } \
	     END { for (f in last) { n = split(last[f], w, " "); \
	             for (i = 2; i <= n; i++) { if (w[i] == "passed,") p += w[i - 1]; \
	                                         if (w[i] ~ /^failed/) fl += w[i - 1] } } \
	           printf "total: %d passed, %d failed\n", p, fl }' build/check.*.out; \
	! grep -qv '^0$$' build/check.*.rc

# make check-compilers: the release check.  "make check CC=gcc-N" for GCC 13 and 14 in a
# fresh Debian 13 root and GCC 15 and 16 in a fresh Debian testing root (each with its
# release's own kernel headers: Linux 6.12, 7.2), made by ../shared/tools/fresh-machine-check
# (FRESH_MACHINE_CHECK=PATH) on a clone of the committed HEAD; then the seed example's
# diagnostics under each, compared.  One line per compiler; logs in build/check-compilers/.
# Needs root; about 8 minutes a compiler on 2 cores (measured: 430-470 s each).  CI (.ci/run) runs GCC 11 and 12.
# CHECK_COMPILERS="trixie:14" for a subset.
CHECK_COMPILERS ?= trixie:13 trixie:14 forky:15 forky:16
.PHONY: check-compilers
check-compilers:
	sh scripts/check-compilers.sh $(if $(FRESH_MACHINE_CHECK),-t '$(FRESH_MACHINE_CHECK)') \
		$(CHECK_COMPILERS)

# The kernel-version test (testsuite/tools/kernel-version.sh) builds against the headers
# of two kernels: on Debian 12, the 6.12 backport from bookworm-security beside the
# default 6.1.  As root, make check installs the newest one (it brings its kernel image
# as a dependency; no test builds against it unless asked: testsuite/run.sh keeps to
# linux-headers-amd64's headers).
.PHONY: deps-kernels
deps-kernels:
	@. /etc/os-release 2>/dev/null; [ "$$VERSION_CODENAME" = bookworm ] || exit 0; \
	ls -d /usr/src/linux-headers-6.12.*+deb12-amd64 >/dev/null 2>&1 && exit 0; \
	if [ "`id -u`" != 0 ]; then \
		echo "deps-kernels: the kernel-version test wants Debian 12's 6.12 headers too (as root, make check installs them)"; \
		exit 0; \
	fi; \
	apt-get -o DPkg::Lock::Timeout=600 update -q >/dev/null 2>&1; \
	pkg=`apt-cache search --names-only '^linux-headers-6[.]12[.][0-9]+[+]deb12-amd64$$' | awk '{ print $$1 }' | sort -V | tail -n 1`; \
	if [ -n "$$pkg" ]; then \
		echo "deps-kernels: installing $$pkg"; \
		DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -q \
			--no-install-recommends $$pkg >/dev/null; \
	fi

clean: clean-merge
	rm -f $(GATE)
	rm -rf build
	rm -f plugin/errptr.so plugin/errptr-gcc*.so

# ------------------------------------------------------------------ learned rules
# tools/errptr-merge reads the summaries the learn mode leaves in object files.
# "make rules" builds every directory of an x86_64 allmodconfig of the kernel in KSRC (out
# of tree, in KBUILD_OUT) with -fplugin-arg-errptr-learn-only, one directory at a time,
# resumable (a stamp per finished directory: re-running skips it), then merges everything
# into $(LEARNED).rules and .cdb (default build/learned/linux-X.Y) and combines that into
# rules/learned/linux.{rules,cdb} ($(COMBINED)), the rules of every kernel learned, each
# contract with the kernels it holds in, which the plugin looks names up in.
# scripts/learn-kernel.sh does the work; docs/learn.md says what each variable does:
#   LEARN_DIRS (default: every top-level directory but LEARN_EXCLUDE, arch/x86 of arch/),
#   LEARN_JOBS, LEARN_MODE (learn-only or learn), LEARN_WRAPPER (distcc, icecc, ccache),
#   KBUILD_OUT (default build/linux-learn-X.Y), LEARNED (default build/learned/linux-X.Y),
#   COMBINED (default rules/learned/linux; empty: not combined).
MERGE := tools/errptr-merge
KSRC ?= /usr/src/linux-source-6.1
KBUILD_OUT ?=
LEARN_DIRS ?=
LEARN_EXCLUDE ?=
LEARN_JOBS ?= $(shell nproc 2>/dev/null || echo 1)
LEARN_MODE ?= learn-only
LEARN_WRAPPER ?=
LEARNED ?=
COMBINED ?= $(CURDIR)/rules/learned/linux

.PHONY: rules clean-merge
all: $(MERGE)

MERGE_SRCS := $(wildcard tools/merge/*.c)
$(MERGE): $(MERGE_SRCS) tools/merge/merge.h $(LIB_A) $(wildcard lib/*.h) | deps
	$(CC) $(TOOLS_CFLAGS) -o $@ $(MERGE_SRCS) $(LIB_A) -lelf -lcdb

rules: all ksrc
	KSRC='$(KSRC)' KBUILD_OUT='$(if $(KBUILD_OUT),$(abspath $(KBUILD_OUT)))' KCC='$(CC)' \
	LEARN_DIRS='$(LEARN_DIRS)' LEARN_EXCLUDE='$(LEARN_EXCLUDE)' LEARN_JOBS='$(LEARN_JOBS)' \
	LEARN_MODE='$(LEARN_MODE)' LEARN_WRAPPER='$(LEARN_WRAPPER)' \
	LEARNED='$(if $(LEARNED),$(abspath $(LEARNED)))' COMBINED='$(if $(COMBINED),$(abspath $(COMBINED)))' \
	PLUGIN='$(abspath $(LOADER_SO))' MERGE='$(abspath $(MERGE))' RULES_DIR='$(CURDIR)/rules' \
		sh scripts/learn-kernel.sh

clean-merge:
	rm -f $(MERGE)

# ------------------------------------------------------------------ kernel source, bench
# ksrc: Debian's linux-source-X.Y unpacked at KSRC (.../linux-source-X.Y): from the
# package's tarball when it is installed, else downloaded with a private apt
# configuration in build/ksrc-apt (the host's apt sources untouched); scripts/ksrc.sh.
.PHONY: ksrc bench
# Building the tree (validate, rules, bench) takes kbuild's host tools, and bench GNU time: KBUILD_PKGS.
KBUILD_PKGS = flex bison bc libssl-dev libelf-dev cpio kmod rsync xz-utils time
ksrc:
	@$(MAKE) --no-print-directory deps DEPS_PKGS='$(KBUILD_PKGS)' CHECK_PKGS=
	@sh scripts/ksrc.sh '$(KSRC)' '$(CURDIR)/build/ksrc-apt'

# make validate: fs mm kernel net block and a slice of drivers/ of an allmodconfig-style
# build of KSRC in VALIDATE_OUT, errptr in check mode; every finding into build/validate/
# report.{txt,json,sarif} and summary.txt; fails on a compiler crash.  See scripts/validate.sh.
VALIDATE_OUT ?= $(CURDIR)/build/linux-validate
VALIDATE_REPORT ?= $(CURDIR)/build/validate
# make validate-all: make validate on each of VALIDATE_KERNELS (linux-source-X.Y trees,
# fetched when missing), and one table of them in build/validate-all.txt.
VALIDATE_KERNELS ?= /usr/src/linux-source-6.1 /usr/src/linux-source-6.12 /usr/src/linux-source-7.2
.PHONY: validate validate-all
validate-all: all
	@$(MAKE) --no-print-directory deps DEPS_PKGS='$(KBUILD_PKGS)' CHECK_PKGS=
	KCC='$(CC)' VALIDATE_JOBS='$(LEARN_JOBS)' $(if $(VALIDATE_DIRS),VALIDATE_DIRS='$(VALIDATE_DIRS)') \
	$(if $(VALIDATE_MODE),VALIDATE_MODE='$(VALIDATE_MODE)') \
	PLUGIN='$(abspath $(LOADER_SO))' GATE='$(abspath $(GATE))' sh scripts/validate-all.sh $(VALIDATE_KERNELS)

validate: all ksrc
	KSRC='$(KSRC)' VALIDATE_OUT='$(VALIDATE_OUT)' KCC='$(CC)' VALIDATE_JOBS='$(LEARN_JOBS)' \
	$(if $(VALIDATE_DIRS),VALIDATE_DIRS='$(VALIDATE_DIRS)') REPORT='$(VALIDATE_REPORT)' \
	$(if $(VALIDATE_MODE),VALIDATE_MODE='$(VALIDATE_MODE)') \
	PLUGIN='$(abspath $(LOADER_SO))' GATE='$(abspath $(GATE))' sh scripts/validate.sh

# make bench: compile-time cost of errptr (check, learn and learn-only mode) against plain
# gcc on the compile commands of BENCH_DIR of a defconfig build of KSRC (configured and
# built once, plainly, in BENCH_TREE), alternating the four in one run, and the learn and
# learn-only summaries compared byte for byte; see scripts/bench.sh.
BENCH_TREE ?= $(CURDIR)/build/linux-bench
BENCH_DIR ?= fs
BENCH_RUNS ?= 5
BENCH_FILES ?= 60
bench: all ksrc
	@test -f '$(BENCH_TREE)/.config' || $(MAKE) -s -C '$(KSRC)' O='$(BENCH_TREE)' CC='$(CC)' HOSTCC='$(CC)' defconfig
	@echo "bench: building $(BENCH_DIR)/ of a defconfig tree once, plainly ($(BENCH_TREE))"
	@$(MAKE) -s -C '$(KSRC)' O='$(BENCH_TREE)' CC='$(CC)' HOSTCC='$(CC)' -j$(LEARN_JOBS) $(BENCH_DIR)/ \
		> '$(BENCH_TREE)/bench-build.log' 2>&1 || { tail -20 '$(BENCH_TREE)/bench-build.log'; exit 1; }
	sh scripts/bench.sh -r $(BENCH_RUNS) -f $(BENCH_FILES) -p $(CURDIR)/$(LOADER_SO) \
		'$(BENCH_TREE)' $(BENCH_DIR)

# ------------------------------------------------------------------ install, uninstall
# make install [PREFIX=/usr/local] [DESTDIR=DIR] [PLUGINDIR=DIR]
#   the plugin and its loader into each built GCC's plugin directory (or PLUGINDIR), the
#   bundled rules beside them, tools/errptr-merge and tools/errptr-gate into $(BINDIR),
#   the man page into $(MANDIR); every file and directory recorded in $(INSTALL_MANIFEST).
#   tools/errptr.mk (errptr optional in a module Makefile, docs/manual.md) into $(DATADIR).
# make uninstall [PREFIX=...] [DESTDIR=...]
#   removes what the manifest lists and nothing else.  scripts/install.sh does both.
PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
DATADIR ?= $(PREFIX)/share/errptr
INSTALL_MANIFEST ?= $(PREFIX)/share/errptr/install-manifest
PLUGINDIR ?=
DESTDIR ?=
INSTALL_ENV = PREFIX='$(PREFIX)' DESTDIR='$(DESTDIR)' BINDIR='$(BINDIR)' MANDIR='$(MANDIR)' DATADIR='$(DATADIR)' \
	INSTALL_MANIFEST='$(INSTALL_MANIFEST)' PLUGINDIR='$(PLUGINDIR)' CC='$(CC)'

.PHONY: install uninstall
install: all
	@$(INSTALL_ENV) sh scripts/install.sh install

uninstall:
	@$(INSTALL_ENV) sh scripts/install.sh uninstall
# ------------------------------------------------------------------ end of install, uninstall

# ------------------------------------------------------------------ reliability (docs/reliability.md)
# make check runs the fast parts through testsuite/tools/run.sh (bad-input-count.sh,
# torture.sh without its slow test, learn-concurrency.sh).  These targets run the rest:
#   make csmith [CSMITH_N=2000] [CSMITH_SEED=S]   random programs through errptr (csmith)
#   make torture                                  every torture test, blocks-20000.c too
#   make check-ccache-distcc                      ccache (cold, warm) and distcc vs a plain build
# csmith and libcsmith-dev are Debian packages needed only here: "make deps" checks and
# installs them for this target alone.
CSMITH_N ?= 2000
CSMITH_PKGS = csmith libcsmith-dev

.PHONY: csmith torture check-ccache-distcc
csmith: all
	@$(MAKE) --no-print-directory deps DEPS_PKGS='$(CSMITH_PKGS)' CHECK_PKGS=
	sh scripts/csmith-run.sh --cc '$(CC)' --plugin $(CURDIR)/$(LOADER_SO) -n $(CSMITH_N) \
		$(if $(CSMITH_SEED),--seed $(CSMITH_SEED))

torture: all
	sh testsuite/tools/torture.sh --cc '$(CC)' --plugin $(CURDIR)/$(LOADER_SO) --slow

check-ccache-distcc: all
	sh testsuite/tools/ccache-distcc.sh --run --cc '$(CC)' --plugin $(CURDIR)/$(LOADER_SO) \
		$(if $(KDIR),--kdir '$(KDIR)')
# ------------------------------------------------------------------ end of reliability

# ------------------------------------------------------------------ fuzzing (docs/reliability.md)
#   make fuzz [FUZZ_SECONDS=600] [FUZZ_KEEP=1] [FUZZ_HARNESSES="rules summary"]
# libFuzzer harnesses (scripts/fuzz/): the rules parser (lib/rules_parse.c) and
# errptr-merge's summary reader, built with clang -fsanitize=fuzzer,address,undefined and
# run one after the other for FUZZ_SECONDS each on a scratch copy of scripts/fuzz/corpus/
# (in build/fuzz); FUZZ_KEEP=1 merges the inputs that add coverage back into the tree's
# corpus.  Fails on any crash, leak, hang or UB report.  Not part of make check (which runs
# a short smoke run, testsuite/tools/fuzz-smoke.sh).  clang and its fuzzer runtime are
# Debian packages needed only here: "make deps" checks and installs them for this target.
FUZZ_SECONDS ?= 600
FUZZ_HARNESSES ?= rules summary
FUZZ_PKGS = clang libclang-rt-14-dev libelf-dev libcdb-dev

.PHONY: fuzz
fuzz:
	@$(MAKE) --no-print-directory deps DEPS_PKGS='$(FUZZ_PKGS)' CHECK_PKGS=
	sh scripts/fuzz/fuzz.sh --seconds $(FUZZ_SECONDS) --dir $(CURDIR)/build/fuzz \
		$(if $(filter 1,$(FUZZ_KEEP)),--keep) $(FUZZ_HARNESSES)
# ------------------------------------------------------------------ end of fuzzing
