/*
 * sarif.c - SARIF 2.1.0 log of errptr's findings (-fplugin-arg-errptr-sarif=FILE).
 *
 * Placeholder: the interface is in errptr.h; implemented in its own change.
 */
#include "errptr.h"

void sarif_open(const char *path) {}
void sarif_result(enum check_id check, enum severity sev, location_t loc, const char *message) {}
void sarif_related(location_t loc, const char *message) {}
void sarif_event(location_t loc, const char *message) {}
void sarif_close(void) {}
