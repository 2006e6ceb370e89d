/*
 * learn_only.h - -fplugin-arg-errptr-learn-only: learn mode, and nothing else of the
 * compilation after errptr's work (learn_only.c).
 */
#ifndef ERRPTR_LEARN_ONLY_H
#define ERRPTR_LEARN_ONLY_H

/* Register the pass that ends the unit's compilation after REFERENCE_PASS (errptr's
 * unit-wide IPA pass, registered before). */
void learn_only_register(const char *plugin_name, const char *reference_pass);

#endif
