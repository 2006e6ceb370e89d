// SPDX-License-Identifier: GPL-2.0
/*
 * learned_drivers.c - driver-library APIs errptr knows only from the contracts it
 * learned from drivers/ (make rules: drivers/pinctrl, drivers/spi; no hand-written rule
 * names them), used wrongly and rightly.  Built with no errptr argument but -fplugin.
 */
#include <linux/err.h>
#include <linux/module.h>
#include <linux/pinctrl/consumer.h>
#include <linux/spi/spi.h>

/* Declared: kbuild warns about a global function without a prototype
 * (-Wmissing-prototypes, on by default since Linux 6.8). */
int learned_bad_state(struct pinctrl *p);
int learned_good_state(struct pinctrl *p);
int learned_bad_spi(struct spi_controller *ctlr, struct spi_board_info *info);
int learned_good_spi(struct spi_controller *ctlr, struct spi_board_info *info);

/* pinctrl_lookup_state() fails with ERR_PTR(-ENODEV), never NULL (learned from
 * drivers/pinctrl/core.c and its callers in drivers/). */
int learned_bad_state(struct pinctrl *p)
{
	struct pinctrl_state *s = pinctrl_lookup_state(p, "sleep");

	if (!s)	/* { dg-warning "'pinctrl_lookup_state' returns ERR_PTR\(\) on failure, never NULL; this test misses the error \[errptr-null-check-on-err\]" } */
		return -ENODEV;
	return pinctrl_select_state(p, s);
}

int learned_good_state(struct pinctrl *p)
{
	struct pinctrl_state *s = pinctrl_lookup_state(p, "sleep");

	if (IS_ERR(s))	/* { dg-bogus "errptr" } */
		return PTR_ERR(s);
	return pinctrl_select_state(p, s);
}

/* spi_new_device() fails with NULL, never ERR_PTR() (learned from
 * drivers/spi/spi.c and the callers in drivers/spi). */
int learned_bad_spi(struct spi_controller *ctlr, struct spi_board_info *info)
{
	struct spi_device *spi = spi_new_device(ctlr, info);

	if (IS_ERR(spi))	/* { dg-warning "IS_ERR\(\) does not catch the NULL that 'spi_new_device' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(spi);
	spi_unregister_device(spi);
	return 0;
}

int learned_good_spi(struct spi_controller *ctlr, struct spi_board_info *info)
{
	struct spi_device *spi = spi_new_device(ctlr, info);

	if (!spi)	/* { dg-bogus "errptr" } */
		return -ENOMEM;
	spi_unregister_device(spi);
	return 0;
}

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("errptr test: driver-library APIs known from learned contracts only");
