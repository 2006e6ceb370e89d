# errptr.mk - load errptr in a kbuild module build when it is there, and only then.
#
# Copy this file next to your module's kbuild Makefile (or Kbuild) and include it
# where obj-m is set:
#
#     obj-m := mymod.o
#     include $(src)/errptr.mk
#     ccflags-$(ERRPTR_ON) += -fplugin-arg-errptr-rules=$(src)/mymod.rules   # optional
#
# It sets ERRPTR_ON to y when this build compiles with errptr, else to nothing:
#   - KCFLAGS (or the kernel's own flags) already load errptr, -fplugin=errptr or
#     -fplugin=.../errptr.so (a CI job, docs/ci.md): y, and nothing more is added,
#     because a second -fplugin with another path stops GCC ("plugin 'errptr' was
#     specified with different paths");
#   - else errptr is installed for $(CC), i.e. errptr.so is in the plugin directory
#     "$(CC) -print-file-name=plugin" names, where GCC looks -fplugin=errptr up
#     (make install puts it there): -fplugin=errptr is added, y;
#   - else nothing is added: the module builds as it would without errptr (a DKMS build
#     on a user's machine, a CI job without errptr, clang).
# Module arguments go in "ccflags-$(ERRPTR_ON)": GCC rejects -fplugin-arg-errptr-...
# when errptr is not loaded.  On the make command line, ERRPTR_ON=y insists on errptr
# (the build fails when it is not installed) and ERRPTR_ON=n leaves it out (except what
# KCFLAGS loads).
#
# This file is errptr's tools/errptr.mk (make install: $(PREFIX)/share/errptr/errptr.mk).

errptr_loaded := $(filter -fplugin=errptr -fplugin=errptr.so -fplugin=%/errptr.so,$(KCFLAGS) $(KBUILD_CFLAGS))

ifeq ($(ERRPTR_ON),)
ERRPTR_ON := $(if $(errptr_loaded),y,$(if $(wildcard $(shell $(CC) -print-file-name=plugin 2>/dev/null)/errptr.so),y))
endif

ifeq ($(ERRPTR_ON),y)
ifeq ($(errptr_loaded),)
ccflags-y += -fplugin=errptr
endif
else
override ERRPTR_ON :=
endif
