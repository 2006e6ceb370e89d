/*
 * pass.h - the pass driver (pass.c): errptr's passes and their schedule.
 */
#ifndef ERRPTR_PASS_H
#define ERRPTR_PASS_H

/* Register errptr's passes with GCC's pass manager (plugin_init). */
void pass_register(const char *plugin_name);

#endif /* ERRPTR_PASS_H */
