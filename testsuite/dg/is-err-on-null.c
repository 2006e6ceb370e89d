/* errptr-is-err-on-null: IS_ERR() of a value whose failure is NULL.
   The APIs' contracts are in is-err-on-null.rules: kzalloc, ioremap,
   of_iomap, devm_ioremap, devm_kmemdup, platform_get_resource and
   rhashtable_lookup_fast fail with NULL; filp_open and
   kthread_create_on_node with ERR_PTR(); devm_gpiod_get_optional with
   both.  POSITIVE cases warn at the test; NEGATIVE look-alikes are quiet.  */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-errptr-rules=${srcdir}/is-err-on-null.rules" } */

#include "kernel-min.h"

struct foo {
	int count;
	struct foo *next;
};

struct priv {
	struct device *dev;
	struct platform_device *pdev;
	struct foo *cache;
	void __iomem *regs;
	struct rhashtable *ht;
	const struct rhashtable_params *params;
};

extern struct foo *foo_lookup_nocontract(int id);	/* no contract: unknown */
extern void foo_use(struct foo *f);
extern struct foo *global_foo;
extern int debug_level;

/* POSITIVE: the example, with the whole report.  */
int pos_kzalloc(struct priv *priv)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL); /* { dg-message "\(1\) 'kzalloc' returns NULL on failure" } */
	if (IS_ERR(p)) /* { dg-warning "IS_ERR\(\) does not catch the NULL that 'kzalloc' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(p);
	/* { dg-message "\(2\) IS_ERR\(\) is false for NULL" .-2 } */
	/* { dg-message "'kzalloc' returns NULL on failure, never an error pointer" .-3 } */
	/* { dg-message "test for NULL instead: '!p'" .-4 } */
	p->count = 1;
	priv->cache = p;
	return 0;
}

/* POSITIVE: ioremap, of_iomap, devm_ioremap.  */
int pos_ioremap(struct priv *priv, resource_size_t start)
{
	void __iomem *base = ioremap(start, 0x100);
	if (IS_ERR(base)) /* { dg-warning "IS_ERR\(\) does not catch the NULL that 'ioremap' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(base);
	priv->regs = base;
	return 0;
}

int pos_of_iomap(struct priv *priv, struct device_node *np)
{
	void __iomem *regs = of_iomap(np, 1);
	if (IS_ERR(regs)) /* { dg-warning "the NULL that 'of_iomap' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(regs);
	priv->regs = regs;
	return 0;
}

int pos_devm_ioremap(struct priv *priv, resource_size_t start)
{
	void __iomem *regs = devm_ioremap(priv->dev, start, 0x40);
	if (unlikely(IS_ERR(regs))) /* { dg-warning "the NULL that 'devm_ioremap' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(regs);
	/* { dg-message "test for NULL instead: '!regs'" .-2 } */
	priv->regs = regs;
	return 0;
}

/* POSITIVE: devm_kmemdup, platform_get_resource, rhashtable_lookup_fast.  */
int pos_kmemdup(struct priv *priv, const struct foo *tmpl)
{
	struct foo *copy = devm_kmemdup(priv->dev, tmpl, sizeof(*tmpl), GFP_KERNEL);
	if (IS_ERR(copy)) /* { dg-warning "the NULL that 'devm_kmemdup' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(copy);
	priv->cache = copy;
	return 0;
}

int pos_platform_resource(struct priv *priv)
{
	struct resource *res = platform_get_resource(priv->pdev, IORESOURCE_MEM, 0);
	if (IS_ERR(res)) /* { dg-warning "the NULL that 'platform_get_resource' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(res);
	priv->regs = ioremap(res->start, res->end - res->start + 1);
	return priv->regs ? 0 : -ENOMEM;
}

struct foo *pos_rhashtable(struct priv *priv, int key)
{
	struct foo *f = rhashtable_lookup_fast(priv->ht, &key, priv->params);
	if (IS_ERR(f)) /* { dg-warning "the NULL that 'rhashtable_lookup_fast' returns on failure \[errptr-is-err-on-null\]" } */
		return NULL;
	return f;
}

/* POSITIVE: a function of this file that returns NULL, never ERR_PTR().  */
static noinline struct foo *foo_alloc(int count)
{
	struct foo *f = kzalloc(sizeof(*f), GFP_KERNEL);
	if (!f)
		return NULL; /* { dg-message "'foo_alloc' returns NULL here, never an error pointer" } */
	f->count = count;
	return f;
}

int pos_local(struct priv *priv)
{
	struct foo *f = foo_alloc(3);
	if (IS_ERR(f)) /* { dg-warning "IS_ERR\(\) does not catch the NULL that 'foo_alloc' returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(f);
	priv->cache = f;
	return 0;
}

/* POSITIVE: "!IS_ERR(p)" is the same mistake; no fix-it for it.  */
int pos_not_is_err(struct priv *priv)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!IS_ERR(p)) { /* { dg-warning "the NULL that 'kzalloc' returns on failure \[errptr-is-err-on-null\]" } */
		/* { dg-bogus "test for NULL instead: '" .-1 } */
		/* { dg-message "test for NULL instead, and give the failure an error code of its own, e.g. -ENOMEM: PTR_ERR\(\) of NULL is 0" .-2 } */
		p->count = 2;
		priv->cache = p;
		return 0;
	}
	return PTR_ERR(p);
}

/* POSITIVE: IS_ERR() outside a condition still never sees the NULL.  */
bool pos_returned(int n)
{
	struct foo *p = kzalloc(n, GFP_KERNEL);
	bool bad = IS_ERR(p); /* { dg-warning "the NULL that 'kzalloc' returns on failure \[errptr-is-err-on-null\]" } */
	if (!bad)
		global_foo = p;
	return bad;
}

bool pos_returned_directly(resource_size_t start)
{
	return IS_ERR(ioremap(start, 4)); /* { dg-warning "the NULL that 'ioremap' returns on failure \[errptr-is-err-on-null\]" } */
}

/* POSITIVE: IS_ERR_VALUE() on the pointer, the macro shape.  */
int pos_is_err_value(struct priv *priv, resource_size_t start)
{
	void __iomem *base = ioremap(start, 8);
	if (IS_ERR_VALUE((unsigned long)base)) /* { dg-warning "this error-pointer test does not catch the NULL that 'ioremap' returns on failure \[errptr-is-err-on-null\]" } */
		return -ENOMEM;
	priv->regs = base;
	return 0;
}

/* POSITIVE: both sources fail with NULL.  */
int pos_two_sources(struct priv *priv, int n)
{
	struct foo *p;
	if (n > 1)
		p = kzalloc(n * sizeof(*p), GFP_KERNEL);
	else
		p = foo_alloc(n);
	if (IS_ERR(p)) /* { dg-warning "returns on failure \[errptr-is-err-on-null\]" } */
		return PTR_ERR(p);
	priv->cache = p;
	return 0;
}

/* POSITIVE: the NULL test is on the wrong side of the IS_ERR(): a failed
   kzalloc() takes "return 1" before it.  */
int pos_null_test_elsewhere(void)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (unlikely(!IS_ERR(p))) /* { dg-warning "\[errptr-is-err-on-null\]" } */
		return 1;
	if (IS_ERR(p) || !p) /* { dg-bogus "errptr" "NULL tested right after" } */
		return 2;
	return 0;
}

/* ------------------------------------------------------------------ */

/* NEGATIVE: IS_ERR() of APIs that fail with ERR_PTR().  */
int neg_filp_open(const char *path)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f)) /* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	fput(f);
	return 0;
}

static int worker(void *data)
{
	return 0;
}

int neg_kthread_run(void)
{
	struct task_struct *t = kthread_run(worker, NULL, "errptr-%d", 1); /* { dg-bogus "errptr" } */
	if (IS_ERR(t)) /* { dg-bogus "errptr" } */
		return PTR_ERR(t);
	return 0;
}

/* NEGATIVE: the NULL is tested as well.  */
int neg_null_first(struct priv *priv)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p || IS_ERR(p)) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	priv->cache = p;
	return 0;
}

int neg_null_after(struct priv *priv)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (IS_ERR(p) || !p) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	priv->cache = p;
	return 0;
}

int neg_null_next_statement(struct priv *priv)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (IS_ERR(p)) /* { dg-bogus "errptr" "redundant, but the NULL is handled next" } */
		return PTR_ERR(p);
	if (!p)
		return -ENOMEM;
	priv->cache = p;
	return 0;
}

int neg_null_returned_before(struct priv *priv)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	if (IS_ERR(p)) /* { dg-bogus "errptr" "no NULL left" } */
		return PTR_ERR(p);
	priv->cache = p;
	return 0;
}

int neg_is_err_or_null(struct priv *priv)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (IS_ERR_OR_NULL(p)) /* { dg-bogus "errptr" } */
		return -ENOMEM;
	priv->cache = p;
	return 0;
}

/* NEGATIVE: fails=both, tested with IS_ERR_OR_NULL() or with IS_ERR()
   (NULL is "no GPIO" there, not a failure).  */
int neg_gpiod_optional(struct priv *priv)
{
	struct gpio_desc *reset = devm_gpiod_get_optional(priv->dev, "reset", GPIOD_OUT_LOW);
	if (IS_ERR_OR_NULL(reset)) /* { dg-bogus "errptr" } */
		return 0;
	gpiod_set_value(reset, 1);
	struct gpio_desc *en = devm_gpiod_get_optional(priv->dev, "enable", GPIOD_OUT_LOW);
	if (IS_ERR(en)) /* { dg-bogus "errptr" } */
		return PTR_ERR(en);
	gpiod_set_value(en, 1);
	return 0;
}

/* NEGATIVE: values whose kinds are unknown.  */
int neg_parameter(struct foo *p)
{
	if (IS_ERR(p)) /* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	return p->count;
}

int neg_load(struct priv *priv)
{
	if (IS_ERR(priv->cache)) /* { dg-bogus "errptr" } */
		return PTR_ERR(priv->cache);
	if (IS_ERR(global_foo)) /* { dg-bogus "errptr" } */
		return -EINVAL;
	return 0;
}

int neg_no_contract(int id)
{
	struct foo *f = foo_lookup_nocontract(id);
	if (IS_ERR(f)) /* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	foo_use(f);
	return 0;
}

/* NEGATIVE: a function of this file that may return anything it loaded.  */
static noinline struct foo *foo_find(int id)
{
	for (struct foo *f = global_foo; f; f = f->next)
		if (f->count == id)
			return f;
	return NULL;
}

int neg_local_unknown(int id)
{
	struct foo *f = foo_find(id);
	if (IS_ERR(f)) /* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	return 0;
}

/* NEGATIVE: a stub of a configuration that only returns NULL (as under
   "#ifndef CONFIG_OF"): the real function, not seen here, decides.  */
static noinline struct foo *foo_from_dt(struct device *dev)
{
	return NULL;
}

int neg_stub(struct priv *priv)
{
	struct foo *f = foo_from_dt(priv->dev);
	if (IS_ERR(f)) /* { dg-bogus "errptr" } */
		return PTR_ERR(f);
	return 0;
}

/* NEGATIVE: PTR_ERR_OR_ZERO() is not an IS_ERR() test here, and the
   IS_ERR() inside it (a static inline of the header) tests a parameter.  */
int neg_ptr_err_or_zero(struct priv *priv)
{
	priv->cache = kzalloc(sizeof(*priv->cache), GFP_KERNEL);
	return PTR_ERR_OR_ZERO(priv->cache); /* { dg-bogus "errptr" } */
}

int neg_ptr_err_or_zero_local(void)
{
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	int err = PTR_ERR_OR_ZERO(p); /* { dg-bogus "errptr" } */
	if (err)
		return err;
	global_foo = p;
	return 0;
}

/* NEGATIVE: the tested value was reassigned from an ERR_PTR() API.  */
int neg_reassigned(const char *path)
{
	void *p = kzalloc(16, GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	kfree(p);
	p = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(p)) /* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	fput(p);
	return 0;
}

/* NEGATIVE: one of the sources fails with ERR_PTR().  */
int neg_mixed_sources(const char *path, int n)
{
	void *p;
	if (path)
		p = filp_open(path, O_RDONLY, 0);
	else
		p = kzalloc(n, GFP_KERNEL);
	if (IS_ERR(p)) /* { dg-bogus "errptr" } */
		return PTR_ERR(p);
	return 0;
}

/* NEGATIVE: a helper like those of headers, testing its parameter, called
   with a value of unknown kind and with a NULL-failing one.  */
static inline bool foo_bad(const struct foo *f)
{
	return IS_ERR(f) || f->count < 0; /* { dg-bogus "errptr" } */
}

int neg_helper(struct priv *priv)
{
	if (foo_bad(priv->cache))
		return -EINVAL;
	struct foo *p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	return foo_bad(p) ? -EINVAL : 0;
}

/* NEGATIVE: a debugfs result needs no check (unneeded-check's business,
   and a note at most, not this check).  */
int neg_debugfs(void)
{
	struct dentry *d = debugfs_create_dir("errptr", NULL);
	if (IS_ERR(d)) /* { dg-bogus "errptr-is-err-on-null" } */
		return PTR_ERR(d);
	return 0;
}

/* NEGATIVE: the error pointer is returned after a test of its errno, so the
   function returns NULL and error pointers, and IS_ERR() is one of the two
   tests the caller makes (net/netlink/af_netlink.c __netlink_seq_next) */
extern void *ion_walk_next(void);

static void *ion_seq_next(void)
{
	void *p;

	for (;;) {
		p = ion_walk_next();
		if (IS_ERR(p)) {
			if (PTR_ERR(p) == -EAGAIN)
				continue;
			return p;
		}
		if (p)
			break;
		return NULL;
	}
	return p;
}

static int ion_token;

void *n_errno_tested_then_returned(int n)
{
	void *obj = &ion_token;

	for (; n && obj && !IS_ERR(obj); n--)
		obj = ion_seq_next();	/* { dg-bogus "errptr" } */
	return obj;
}

/* An idr returns what its user stored.  net/sched/act_api.c stores
   ERR_PTR(-EBUSY) as a placeholder and tests what idr_remove() gives back
   with IS_ERR(): with fails=stored no kind is concluded; fails=null (the
   look-alike rule of idr_find here) still makes the same test a warning.  */
struct idr;
extern void *idr_find(struct idr *idr, unsigned long id);
extern void *idr_remove(struct idr *idr, unsigned long id);

/* NEGATIVE: fails=stored */
int neg_stored_placeholder(struct idr *idr, unsigned long id)
{
	void *p = idr_remove(idr, id);

	if (IS_ERR(p))		/* { dg-bogus "errptr" } */
		return 0;
	return -EBUSY;
}

/* POSITIVE: the same test of a fails=null result */
int pos_find_is_err(struct idr *idr, unsigned long id)
{
	void *p = idr_find(idr, id);

	if (IS_ERR(p))		/* { dg-warning "IS_ERR\(\) does not catch the NULL that 'idr_find' returns on failure \[errptr-is-err-on-null\]" } */
		return 0;
	return -EBUSY;
}
