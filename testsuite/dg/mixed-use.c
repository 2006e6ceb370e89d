/* errptr-mixed-use: a result that may be NULL or an error pointer
   (fails=both: optional getters, lookups), tested for one kind only and
   then used.  The warning is at the test; its path shows the call, the
   test and the use.  Contracts: mixed-use.rules.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/mixed-use.rules" } */

#include "kernel-min.h"

struct akfs_item {
	int val;
	int lock;
	struct akfs_item *next;
};

extern struct akfs_item *akfs_lookup_item(int id);	/* NULL or ERR_PTR() */
extern struct akfs_item *akfs_find_item(int id);	/* ERR_PTR() only */
extern struct akfs_item *akfs_mystery_item(int id);	/* no rule */
extern void akfs_lock(int *lock);
extern int akfs_show(struct akfs_item *it);
extern void akfs_release(void *data);

struct akfs_priv {
	struct gpio_desc *reset;
	struct akfs_item *item;
};

/* ---- POSITIVE: IS_ERR() only, NULL reaches the use ---------------------- */

/* passed to a function that dereferences it (desc_to_gpio() reads
   desc->gdev); IS_ERR_OR_NULL() alone would return PTR_ERR(NULL), 0 */
int p_gpio(struct device *dev)
{
	struct gpio_desc *reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW); /* { dg-message "\(1\) 'devm_gpiod_get_optional' may return NULL or an error pointer" } */

	if (IS_ERR(reset))	/* { dg-warning "'devm_gpiod_get_optional' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 38 \[errptr-mixed-use\]" } */
		return PTR_ERR(reset);	/* { dg-message "\(2\) IS_ERR\(\) is false for NULL" .-1 } */
	return desc_to_gpio(reset);	/* { dg-message "\(3\) 'reset' is passed to 'desc_to_gpio' here, which does not accept NULL" } */
}
/* { dg-message "'devm_gpiod_get_optional' returns NULL or an error pointer \(rule fails=both, .*mixed-use.rules:6\)" "" 36 } */
/* { dg-message "if NULL is a failure here, test with 'IS_ERR_OR_NULL\(\)' and give NULL an error code of its own where PTR_ERR\(\) is taken \(PTR_ERR\(\) of NULL is 0\); if it means \"absent\", test 'reset' for NULL before using it" "" 36 } */

/* dereferenced */
int p_deref(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-warning "'akfs_lookup_item' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 50" } */
		return PTR_ERR(it);
	return it->val;		/* { dg-message "'it' is dereferenced here while it may be NULL" } */
}

/* the test spelled !IS_ERR() around the use, with unlikely() */
int p_not_is_err(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (!unlikely(IS_ERR(it)))	/* { dg-warning "'akfs_lookup_item' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 59" } */
		return it->val;
	return PTR_ERR(it);
}

/* the address of a member handed to a call */
int p_member_addr(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-warning "may also return NULL, which this IS_ERR\(\) test lets through to the use at line 70" } */
		return PTR_ERR(it);
	akfs_lock(&it->lock);	/* { dg-message "the address of a member of 'it' is passed to 'akfs_lock' here while 'it' may be NULL" } */
	return 0;
}

/* several uses after one test: one warning, at the test, naming the first */
int p_two_uses(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-warning "lets through to the use at line 81" } */
		return PTR_ERR(it);
	it->val++;
	return akfs_show(it);	/* { dg-bogus "errptr" } */
}

/* a helper of this file that dereferences its parameter without a test */
static int item_weight(const struct akfs_item *it)
{
	return it->val * 2;
}

int p_helper(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-warning "lets through to the use at line 97" } */
		return PTR_ERR(it);
	return item_weight(it);	/* { dg-message "'it' is passed to 'item_weight' here, which does not accept NULL" } */
}

/* NEGATIVE: NULL passed to a function of another file nobody described: many
   kernel APIs take NULL (do_mount()'s type, a tracefs parent), not known bad */
int n_unknown_callee(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	return akfs_show(it);	/* { dg-bogus "errptr" } */
}

/* ---- POSITIVE: a NULL test only, the error pointer reaches the use ------ */

int p_null_test(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (!it)		/* { dg-warning "'akfs_lookup_item' may also return an error pointer, which this NULL test lets through to the use at line 119 \[errptr-mixed-use\]" } */
		return -ENOENT;	/* { dg-message "a NULL test is false for an error pointer" .-1 } */
	return it->next->val;	/* { dg-message "'it' is dereferenced here while it may be an error pointer" } */
}
/* { dg-message "test with 'IS_ERR_OR_NULL\(\)', or add an 'IS_ERR\(\)' test before the use" "" 117 } */

/* kfree() takes NULL, not an error pointer */
int p_kfree_err(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (it == NULL)		/* { dg-warning "may also return an error pointer, which this NULL test lets through to the use at line 130" } */
		return 0;
	kfree(it);		/* { dg-message "'it' is passed to 'kfree' here, which does not accept an error pointer" } */
	return 1;
}

/* if (p) { use }: the same */
int p_if_nonnull(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (it)			/* { dg-warning "may also return an error pointer, which this NULL test lets through" } */
		return it->val;
	return 0;
}

/* ---- NEGATIVE: both kinds handled --------------------------------------- */

int n_is_err_or_null(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR_OR_NULL(it))	/* { dg-bogus "errptr" } */
		return -ENOENT;
	return it->val;		/* { dg-bogus "errptr" } */
}

int n_both_tests(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	if (!it)		/* { dg-bogus "errptr" } */
		return -ENOENT;
	return it->val;
}

int n_both_one_if(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (!it || IS_ERR(it))	/* { dg-bogus "errptr" } */
		return -ENOENT;
	return it->val;
}

int n_null_then_is_err(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (!it)		/* { dg-bogus "errptr" } */
		return 0;
	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	return it->val;
}

/* the use is guarded: "absent" is fine */
int n_guarded_use(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	if (it)
		it->val = 0;
	return 0;
}

/* ---- NEGATIVE: uses that take NULL ------------------------------------- */

/* the optional-GPIO consumer API takes NULL (no GPIO: nothing to do) */
int n_gpiod(struct device *dev)
{
	struct gpio_desc *reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);

	if (IS_ERR(reset))	/* { dg-bogus "errptr" } */
		return PTR_ERR(reset);
	gpiod_set_value(reset, 1);
	return gpiod_direction_output(reset, 0);
}

/* an optional getter (its callers across the tree test only IS_ERR(): NULL
   is "none" and flows on) handed to a function of another file that no list
   mentions: such functions take the "none" object, like the consumer APIs */
extern int akfs_bus_init(struct akfs_priv *priv, struct gpio_desc *cs);

int n_optional_to_unknown(struct device *dev, struct akfs_priv *priv)
{
	struct gpio_desc *cs = devm_gpiod_get_optional(dev, "cs", GPIOD_OUT_HIGH);

	if (IS_ERR(cs))		/* { dg-bogus "errptr" } */
		return PTR_ERR(cs);
	return akfs_bus_init(priv, cs);
}

/* the same through a helper of this file */
static int bus_setup(struct akfs_priv *priv, struct gpio_desc *cs)
{
	return akfs_bus_init(priv, cs);
}

int n_optional_to_helper(struct device *dev, struct akfs_priv *priv)
{
	struct gpio_desc *cs = devm_gpiod_get_optional(dev, "cs", GPIOD_OUT_HIGH);

	if (IS_ERR(cs))		/* { dg-bogus "errptr" } */
		return PTR_ERR(cs);
	return bus_setup(priv, cs);
}

/* so does the clock consumer API */
unsigned long n_clk(struct device *dev)
{
	struct clk *clk = devm_clk_get_optional(dev, "bus");

	if (IS_ERR(clk))	/* { dg-bogus "errptr" } */
		return 0;
	if (clk_prepare_enable(clk))
		return 0;
	return clk_get_rate(clk);
}

/* kfree(NULL), printing, a void * cookie, storing, returning */
int n_takes_null(struct device *dev, struct akfs_priv *priv, int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	pr_info("item %p\n", it);
	priv->item = it;
	if (devm_add_action_or_reset(dev, akfs_release, it))
		return -ENOMEM;
	kfree(it);
	return 0;
}

struct akfs_item *n_returned(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return it;
	return it;
}

/* a helper of this file that tests for NULL itself, and one that only
   hands the GPIO to gpiod_*() */
static int item_value(const struct akfs_item *it)
{
	return it ? it->val : 0;
}

static void board_reset(struct gpio_desc *reset)
{
	gpiod_set_value(reset, 1);
	gpiod_set_value(reset, 0);
}

int n_helpers(struct device *dev, int id)
{
	struct akfs_item *it = akfs_lookup_item(id);
	struct gpio_desc *reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);

	if (IS_ERR(reset))	/* { dg-bogus "errptr" } */
		return PTR_ERR(reset);
	board_reset(reset);
	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	return item_value(it);
}

/* ---- NEGATIVE: look-alikes that are not this bug ------------------------ */

/* fails=err: IS_ERR() is the whole test */
int n_err_only(int id)
{
	struct akfs_item *it = akfs_find_item(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	return it->val;
}

/* no rule: nothing is known, nothing is reported */
int n_unknown(int id)
{
	struct akfs_item *it = akfs_mystery_item(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	return it->val;
}

/* an error pointer turned into NULL on purpose ("ignore errors") */
int n_err_to_null(struct device *dev)
{
	struct gpio_desc *reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);

	if (IS_ERR(reset))	/* { dg-bogus "errptr" } */
		reset = NULL;
	if (!reset)
		return 0;
	return desc_to_gpio(reset);
}

/* uses inside the error branch: the convention's helpers take anything */
int n_in_error_branch(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it)) {	/* { dg-bogus "errptr" } */
		pr_err("lookup: %ld\n", PTR_ERR(it));
		return PTR_ERR(it);
	}
	if (!it)
		return -ENOENT;
	return it->val;
}

/* untested: a missing test is not a one-sided one (err-ptr-deref's) */
int n_untested(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	return akfs_show(it);	/* { dg-bogus "errptr-mixed-use" } */
	/* { dg-warning "'it' is passed to 'akfs_show', which does not accept an error pointer, but it may be one from 'akfs_lookup_item\(\)' \[errptr-err-ptr-deref\]" "" { target *-*-* } .-1 } */
}

/* silenced with a comment on the test's line */
int n_silenced(struct device *dev)
{
	struct gpio_desc *reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);

	if (IS_ERR(reset))	/* errptr-ignore(mixed-use): board files always describe it */
		return PTR_ERR(reset);
	return desc_to_gpio(reset);
}

/* POSITIVE: an error pointer passed to a function of another file nobody
   described: almost no function takes one (the twin of n_unknown_callee) */
int p_err_to_unknown_callee(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (!it)		/* { dg-warning "may also return an error pointer, which this NULL test lets through to the use at line 377" } */
		return -ENOENT;
	return akfs_show(it);	/* { dg-message "'it' is passed to 'akfs_show' here, which does not accept an error pointer" } */
}

/* ---- a predicate of this file tests the parameter ------------------------
   drivers/base/core.c: cleanup_glue_dir() starts with "if
   (!live_in_glue_dir(glue_dir, dev)) return;", and live_in_glue_dir()
   returns false for a NULL kobj: past that test glue_dir is not NULL, and
   device_move() may hand it get_device_parent()'s NULL.  */
static bool item_is_live(const struct akfs_item *it)
{
	if (!it || it->lock < 0)
		return false;
	return true;
}

static void item_cleanup(struct akfs_item *it)
{
	if (!item_is_live(it))
		return;
	it->val = 0;
}

/* NEGATIVE */
int n_predicate_tests(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-bogus "errptr" } */
		return PTR_ERR(it);
	item_cleanup(it);
	return 0;
}

/* the look-alike: true for a NULL item too */
static bool item_is_spare(const struct akfs_item *it)
{
	if (it && it->lock < 0)
		return false;
	return true;
}

static void item_cleanup_spare(struct akfs_item *it)
{
	if (!item_is_spare(it))
		return;
	it->val = 0;
}

/* POSITIVE */
int p_predicate_lets_null(int id)
{
	struct akfs_item *it = akfs_lookup_item(id);

	if (IS_ERR(it))		/* { dg-warning "'akfs_lookup_item' may also return NULL, which this IS_ERR\(\) test lets through.*\[errptr-mixed-use\]" } */
		return PTR_ERR(it);
	item_cleanup_spare(it);
	return 0;
}

/* ---- a test for the one errno a function returns ------------------------
   mm/ksm.c: stable_tree_search() returns NULL, a page or ERR_PTR(-EBUSY),
   and cmp_and_merge_page() tests "if (kpage) { if (PTR_ERR(kpage) ==
   -EBUSY) return; ... kpage used }".  */
extern struct akfs_item *akfs_tree_walk(int id);	/* no rule */
extern int akfs_busy(int id);
extern struct akfs_item akfs_default_item;

static struct akfs_item *item_search(int id)
{
	if (akfs_busy(id))
		return ERR_PTR(-EBUSY);
	if (id < 0)
		return NULL;
	return akfs_tree_walk(id) ?: &akfs_default_item;
}

/* NEGATIVE */
void n_one_errno(int id)
{
	struct akfs_item *it = item_search(id);

	if (it) {		/* { dg-bogus "errptr" } */
		if (PTR_ERR(it) == -EBUSY)
			return;
		it->val = 1;
	}
}

/* the look-alike: two errnos */
static struct akfs_item *item_search_two(int id)
{
	if (akfs_busy(id))
		return ERR_PTR(-EBUSY);
	if (id > 100)
		return ERR_PTR(-ENOMEM);
	if (id < 0)
		return NULL;
	return akfs_tree_walk(id) ?: &akfs_default_item;
}

/* POSITIVE: -ENOMEM gets through */
void p_two_errnos(int id)
{
	struct akfs_item *it = item_search_two(id);

	if (it) {		/* { dg-warning "'item_search_two' may also return an error pointer, which this NULL test lets through.*\[errptr-mixed-use\]" } */
		if (PTR_ERR(it) == -EBUSY)
			return;
		it->val = 1;
	}
}
