# errptr: build the GCC plugin, run the demo and the test suite.
#
#   make                 build plugin/errptr-gcc$(MAJOR).so and the loader plugin/errptr.so
#   make demo            build examples/*/ against the kernel headers with the plugin
#   make check           runner self-test, then testsuite/dg, testsuite/kbuild, examples
#   make check CC=gcc-11 the same with GCC 11 (builds plugin/errptr-gcc11.so)
#   make deps            install (as root) or name (otherwise) the Debian packages needed
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
# be installed yet ("make deps" installs it): take the number from CC's name, else
# Debian 12's default compiler, GCC 12.
MAJOR := $(shell $(CC) -dumpversion 2>/dev/null | cut -d. -f1)
ifeq ($(MAJOR),)
MAJOR := $(or $(patsubst gcc-%,%,$(filter gcc-%,$(notdir $(firstword $(CC))))),12)
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

# gnu++11 compiles the GCC 11 and GCC 12 plugin headers (checked with gcc-plugin.h, tree.h,
# gimple.h, ssa.h, cgraph.h, gimple-range.h, diagnostic.h); gnu++14 is not needed.
CXXSTD ?= gnu++11
PLUGIN_CXXFLAGS = -x c++ -std=$(CXXSTD) -fno-rtti -fno-exceptions -fPIC -O2 -g -Wall \
	-Wno-unused-parameter -I$(PLUGIN_INC) -DERRPTR_RULES_DIR='"$(CURDIR)/rules"'
LOADER_CFLAGS = -fPIC -shared -O2 -Wall

OBJDIR := build/gcc$(MAJOR)
PLUGIN_SO := plugin/errptr-gcc$(MAJOR).so
LOADER_SO := plugin/errptr.so
PLUGIN_SRCS := $(filter-out plugin/loader.c,$(wildcard plugin/*.c))
PLUGIN_OBJS := $(patsubst plugin/%.c,$(OBJDIR)/%.o,$(PLUGIN_SRCS))

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

deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "deps: no dpkg-query (not Debian?); make sure these are installed: $(strip $(DEPS_PKGS))"; \
		exit 0; \
	fi; \
	missing=`dpkg-query -W -f='$${db:Status-Abbrev} $${Package}\n' $(DEPS_PKGS) 2>/dev/null | \
		awk '$$1 == "ii" { ok[$$2] = 1 } \
		END { n = split("$(strip $(DEPS_PKGS))", p, " "); \
		      for (i = 1; i <= n; i++) if (!(p[i] in ok)) m = m (m == "" ? "" : " ") p[i]; print m }'`; \
	[ -z "$$missing" ] && exit 0; \
	if [ "`id -u`" = 0 ]; then \
		echo "deps: installing $$missing"; \
		apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	else \
		echo "deps: missing Debian packages: $$missing"; \
		echo "deps: install them with:  sudo apt-get install -y $$missing"; \
		exit 1; \
	fi

# ------------------------------------------------------------------ the plugin
$(PLUGIN_SO): $(PLUGIN_OBJS)
	@if [ -z "$(PLUGIN_OBJS)" ]; then echo "no plugin sources in plugin/*.c" >&2; exit 1; fi
	$(CXX) -shared -o $@ $(PLUGIN_OBJS) -lcdb

$(OBJDIR)/%.o: plugin/%.c | deps $(OBJDIR)
	$(CXX) $(PLUGIN_CXXFLAGS) -MMD -MP -c $< -o $@

# The loader is plain C without GCC headers: one build serves every compiler.
$(LOADER_SO): plugin/loader.c | deps build
	$(CC) $(LOADER_CFLAGS) -MMD -MP -MF build/loader.d -MT $@ -o $@ $< -ldl

$(OBJDIR) build:
	mkdir -p $@

-include $(PLUGIN_OBJS:.o=.d) build/loader.d

# ------------------------------------------------------------------ demo and tests
demo: all
	$(RUN) --plugin $(CURDIR)/$(LOADER_SO) --demo

check-selftest: deps
	$(RUN) --selftest

check: all
	$(RUN) --selftest
	$(RUN) --plugin $(CURDIR)/$(LOADER_SO) $(RUNFLAGS) $(TESTS)

clean: clean-merge
	rm -rf build
	rm -f plugin/errptr.so plugin/errptr-gcc*.so

# ------------------------------------------------------------------ learned rules
# tools/errptr-merge reads the summaries the learn mode leaves in object files.
# "make rules" builds LEARN_DIRS of the kernel in KSRC (out of tree, in KBUILD_OUT) with
# -fplugin-arg-errptr-learn, one directory at a time, resumable (a stamp per finished
# directory: re-running skips it), then merges everything into $(LEARNED).rules and the
# index $(LEARNED).cdb the plugin looks names up in.  tools/learn-kernel.sh does the work.
MERGE := tools/errptr-merge
KSRC ?= /usr/src/linux-source-6.1
KBUILD_OUT ?= $(CURDIR)/build/linux-learn
LEARN_DIRS ?= fs mm kernel block net lib security crypto ipc init drivers
LEARN_JOBS ?= $(shell nproc 2>/dev/null || echo 1)
LEARNED ?= rules/learned/linux-6.1

.PHONY: rules clean-merge
all: $(MERGE)

$(MERGE): tools/errptr-merge.c | deps
	$(CC) -O2 -g -Wall -o $@ $< -lelf -lcdb

rules: all
	KSRC='$(KSRC)' KBUILD_OUT='$(KBUILD_OUT)' KCC='$(CC)' LEARN_DIRS='$(LEARN_DIRS)' \
	LEARN_JOBS='$(LEARN_JOBS)' LEARNED='$(abspath $(LEARNED))' \
	PLUGIN='$(abspath $(LOADER_SO))' MERGE='$(abspath $(MERGE))' RULES_DIR='$(CURDIR)/rules' \
		sh tools/learn-kernel.sh

clean-merge:
	rm -f $(MERGE)
