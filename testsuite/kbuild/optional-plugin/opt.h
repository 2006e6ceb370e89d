/* SPDX-License-Identifier: GPL-2.0 */
#ifndef OPT_H
#define OPT_H
struct opt_conn {
	int id;
};
struct opt_conn *opt_connect(int id);
struct opt_conn *opt_connect_cached(int id);
struct opt_conn *opt_connect_checked(int id);
#endif
