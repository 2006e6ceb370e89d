/*
 * sarif.h - machine-readable reports (sarif.c).  report.c feeds every
 * emitted diagnostic here; with -fplugin-arg-errptr-sarif=FILE, FILE gets
 * a SARIF 2.1.0 log at the end of the translation unit.
 */
#ifndef ERRPTR_SARIF_H
#define ERRPTR_SARIF_H

#include "check.h"

void sarif_open(const char *path);
void sarif_result(enum check_id check, enum severity sev, location_t loc, const char *message);
void sarif_related(location_t loc, const char *message);	/* of the last result */
void sarif_event(location_t loc, const char *message);		/* its path, in order */
void sarif_close(void);
/* Is a log being kept (-fplugin-arg-errptr-sarif=)? */
bool sarif_enabled(void);
/* A property of the run, "errptr/KEY": JSON, written as it is. */
void sarif_property(const char *key, const char *json);

#endif /* ERRPTR_SARIF_H */
