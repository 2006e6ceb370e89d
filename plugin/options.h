/*
 * options.h - the plugin's settings from its arguments (errptr.c).
 */
#ifndef ERRPTR_OPTIONS_H
#define ERRPTR_OPTIONS_H

extern bool errptr_verbose;		/* -fplugin-arg-errptr-verbose */
extern const char *errptr_plugin_name;	/* the name callbacks are registered under */

#endif /* ERRPTR_OPTIONS_H */
