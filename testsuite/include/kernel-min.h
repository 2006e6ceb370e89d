/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kernel-min.h - the least of the Linux 6.1 kernel that errptr's dg unit tests
 * need, so they compile as plain C without a kernel tree:
 *
 *   - the error-pointer helpers exactly as include/linux/err.h defines them
 *     (static inline functions and the IS_ERR_VALUE macro), so that at -O2
 *     the plugin sees them both as calls and, after inlining, as constants
 *     and comparisons, just as in a kernel build;
 *   - likely()/unlikely() with __builtin_expect, NULL, bool, errno values;
 *   - prototypes of the APIs the tests use, copied from the 6.1 headers
 *     (attributes that change nothing for errptr are left out).
 *
 * Nothing here knows about errptr: no test helper, no annotation.  Add a
 * prototype when a test needs it, with the header it comes from.
 */
#ifndef ERRPTR_TEST_KERNEL_MIN_H
#define ERRPTR_TEST_KERNEL_MIN_H

/* ---- compiler.h / types.h / stddef.h ----------------------------------- */
#define __must_check	__attribute__((__warn_unused_result__))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#define __always_inline	inline __attribute__((__always_inline__))
#define noinline	__attribute__((__noinline__))
#define notrace		__attribute__((__no_instrument_function__))
#define __init
#define __exit
#define __read_mostly
#define __force		/* sparse only */
#define __user		/* sparse only */
#define __iomem		/* sparse only */

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	(*(volatile __typeof__(x) *)&(x) = (val))

#undef NULL
#define NULL ((void *)0)

#if defined(__STDC_VERSION__) && __STDC_VERSION__ > 201710L
#include <stdbool.h>	/* C23: bool, true and false are keywords */
#else
typedef _Bool bool;
enum { false = 0, true = 1 };
#endif

typedef __SIZE_TYPE__ size_t;
typedef unsigned short umode_t;
typedef unsigned int gfp_t;
typedef unsigned long long u64;
typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef void *fl_owner_t;

#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)
#define container_of(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))
#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))

/* ---- uapi/asm-generic/errno-base.h, errno.h, linux/errno.h ------------- */
#define EPERM		 1
#define ENOENT		 2
#define EINTR		 4
#define EIO		 5
#define ENXIO		 6
#define EBADF		 9
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define ENODEV		19
#define ENOTDIR		20
#define EISDIR		21
#define EINVAL		22
#define EMFILE		24
#define ENOSPC		28
#define EROFS		30
#define ENAMETOOLONG	36
#define ENOSYS		38
#define ENODATA		61
#define EOPNOTSUPP	95
#define ETIMEDOUT	110
#define EPROBE_DEFER	517

/* ---- linux/err.h (6.1, verbatim in substance) --------------------------- */
#define MAX_ERRNO	4095

#define IS_ERR_VALUE(x) unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void * __must_check ERR_PTR(long error)
{
	return (void *) error;
}

static inline long __must_check PTR_ERR(__force const void *ptr)
{
	return (long) ptr;
}

static inline bool __must_check IS_ERR(__force const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool __must_check IS_ERR_OR_NULL(__force const void *ptr)
{
	return unlikely(!ptr) || IS_ERR_VALUE((unsigned long)ptr);
}

static inline void * __must_check ERR_CAST(__force const void *ptr)
{
	/* cast away the const */
	return (void *) ptr;
}

static inline int __must_check PTR_ERR_OR_ZERO(__force const void *ptr)
{
	if (IS_ERR(ptr))
		return PTR_ERR(ptr);
	else
		return 0;
}

/* ---- printk.h ----------------------------------------------------------- */
__printf(1, 2) int _printk(const char *fmt, ...);
#define printk(fmt, ...)	_printk(fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...)	printk("\0013" fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk("\0014" fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk("\0016" fmt, ##__VA_ARGS__)

/* ---- asm-generic/bug.h (the x86 __WARN() is an asm; a call stands in) --- */
__printf(1, 2) void __warn_printk(const char *fmt, ...);
#define __WARN()		__warn_printk("WARNING\n")
#define WARN_ON(condition) ({						\
	int __ret_warn_on = !!(condition);				\
	if (unlikely(__ret_warn_on))					\
		__WARN();						\
	unlikely(__ret_warn_on);					\
})

/* ---- string.h ----------------------------------------------------------- */
extern size_t strlen(const char *);
extern int strcmp(const char *, const char *);
extern int strncmp(const char *, const char *, size_t);

/* ---- opaque kernel types ------------------------------------------------ */
struct file;
struct dentry;
struct inode;
struct path;
struct qstr;
struct super_block;
struct vfsmount;
struct fs_context;
struct fs_parameter_spec;
struct task_struct;
struct device;
struct device_node;
struct module;
struct cred;
struct open_flags;	/* fs/internal.h: hook modules re-declare it */

/* ---- module.h / export.h ------------------------------------------------ */
extern struct module __this_module;
#define THIS_MODULE (&__this_module)

extern bool try_module_get(struct module *module);
extern void module_put(struct module *module);
extern void __module_get(struct module *module);

/* ---- kallsyms.h --------------------------------------------------------- */
unsigned long kallsyms_lookup_name(const char *name);

/* ---- fs.h --------------------------------------------------------------- */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_TRUNC		00001000
#define AT_FDCWD	-100

struct filename {
	const char		*name;	/* pointer to actual string */
	const __user char	*uptr;	/* original userland pointer */
	int			refcnt;	/* atomic_t in the kernel */
	struct audit_names	*aname;
	const char		iname[];
};

struct file_system_type {
	const char *name;
	int fs_flags;
	int (*init_fs_context)(struct fs_context *);
	const struct fs_parameter_spec *parameters;
	struct dentry *(*mount) (struct file_system_type *, int,
		       const char *, void *);
	void (*kill_sb) (struct super_block *);
	struct module *owner;
	struct file_system_type * next;
};

/* fs/internal.h (not a public header; declared here so tests can name it) */
extern struct file *do_filp_open(int dfd, struct filename *pathname,
		const struct open_flags *op);

extern struct file *file_open_name(struct filename *, int, umode_t);
extern struct file *filp_open(const char *, int, umode_t);
extern int filp_close(struct file *, fl_owner_t id);
extern struct filename *getname_kernel(const char *);
extern void putname(struct filename *name);

extern struct dentry *mount_bdev(struct file_system_type *fs_type,
	int flags, const char *dev_name, void *data,
	int (*fill_super)(struct super_block *, void *, int));
extern struct dentry *mount_nodev(struct file_system_type *fs_type,
	int flags, void *data,
	int (*fill_super)(struct super_block *, void *, int));
void kill_litter_super(struct super_block *sb);
extern int register_filesystem(struct file_system_type *);
extern int unregister_filesystem(struct file_system_type *);

/* ---- file.h ------------------------------------------------------------- */
extern void fput(struct file *);
extern struct file *fget(unsigned int fd);

/* ---- dcache.h / debugfs.h ----------------------------------------------- */
extern struct dentry *d_hash_and_lookup(struct dentry *, struct qstr *);
struct dentry *debugfs_create_dir(const char *name, struct dentry *parent);

/* ---- gfp_types.h / slab.h ----------------------------------------------- */
#define ___GFP_IO		0x40u
#define ___GFP_FS		0x80u
#define ___GFP_ZERO		0x100u
#define ___GFP_DIRECT_RECLAIM	0x400u
#define ___GFP_KSWAPD_RECLAIM	0x800u
#define __GFP_IO	((__force gfp_t)___GFP_IO)
#define __GFP_FS	((__force gfp_t)___GFP_FS)
#define __GFP_ZERO	((__force gfp_t)___GFP_ZERO)
#define __GFP_RECLAIM	((__force gfp_t)(___GFP_DIRECT_RECLAIM|___GFP_KSWAPD_RECLAIM))
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)

void *__kmalloc(size_t size, gfp_t flags);
void kfree(const void *objp);

static __always_inline void *kmalloc(size_t size, gfp_t flags)
{
	return __kmalloc(size, flags);
}

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

/* ---- kthread.h / sched.h ------------------------------------------------ */
#define NUMA_NO_NODE	(-1)

__printf(4, 5)
struct task_struct *kthread_create_on_node(int (*threadfn)(void *data),
					   void *data,
					   int node,
					   const char namefmt[], ...);

#define kthread_create(threadfn, data, namefmt, arg...) \
	kthread_create_on_node(threadfn, data, NUMA_NO_NODE, namefmt, ##arg)

extern int wake_up_process(struct task_struct *tsk);

#define kthread_run(threadfn, data, namefmt, ...)			   \
({									   \
	struct task_struct *__k						   \
		= kthread_create(threadfn, data, namefmt, ## __VA_ARGS__); \
	if (!IS_ERR(__k))						   \
		wake_up_process(__k);					   \
	__k;								   \
})

/* ---- ioport.h / io.h / of_address.h / device.h -------------------------- */
struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
};

void __iomem *ioremap(resource_size_t offset, unsigned long size);
extern void iounmap(volatile void __iomem *addr);
void __iomem *of_iomap(struct device_node *node, int index);
void __iomem *devm_ioremap_resource(struct device *dev,
				    const struct resource *res);

/* platform_device.h, device.h (err-ptr-deref) */
struct platform_device_info;
extern struct platform_device *platform_device_register_full(
		const struct platform_device_info *pdevinfo);
extern void platform_device_unregister(struct platform_device *);
extern struct device *__root_device_register(const char *name, struct module *owner);
#define root_device_register(name) \
	__root_device_register(name, THIS_MODULE)
extern void root_device_unregister(struct device *root);

/* ---- caller-side tests (is-err-on-null, null-check-on-err) ------------ */
/* io.h / device.h */
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size);
void *devm_kmemdup(struct device *dev, const void *src, size_t len, gfp_t gfp);

/* platform_device.h */
struct platform_device;
extern struct resource *platform_get_resource(struct platform_device *,
					      unsigned int, unsigned int);
#define IORESOURCE_MEM		0x00000200

/* rhashtable.h: a static inline taking the params by value there; a
 * prototype (params by pointer) is enough here: the contract is looked up
 * by name */
struct rhashtable;
struct rhashtable_params;
void *rhashtable_lookup_fast(struct rhashtable *ht, const void *key,
			     const struct rhashtable_params *params);

/* device/class.h */
struct class;
struct lock_class_key { int dummy; };
extern struct class * __must_check __class_create(struct module *owner,
						  const char *name,
						  struct lock_class_key *key);
#define class_create(owner, name)		\
({						\
	static struct lock_class_key __key;	\
	__class_create(owner, name, &__key);	\
})
extern void class_destroy(struct class *cls);

/* clk.h */
struct clk;
struct clk *devm_clk_get(struct device *dev, const char *id);
int clk_prepare_enable(struct clk *clk);

/* gpio/consumer.h */
struct gpio_desc;
enum gpiod_flags {
	GPIOD_ASIS	= 0,
	GPIOD_IN	= 1,
	GPIOD_OUT_LOW	= 3,
	GPIOD_OUT_HIGH	= 7,
};
struct gpio_desc *__must_check devm_gpiod_get_optional(struct device *dev,
						       const char *con_id,
						       enum gpiod_flags flags);
void gpiod_set_value(struct gpio_desc *desc, int value);

/* debugfs.h */
struct file_operations;
struct dentry *debugfs_create_file(const char *name, umode_t mode,
				   struct dentry *parent, void *data,
				   const struct file_operations *fops);
void debugfs_remove(struct dentry *dentry);

/* ---- mixed-use tests ----------------------------------------------------- */
/* gpio/consumer.h */
int desc_to_gpio(const struct gpio_desc *desc);
int gpiod_direction_output(struct gpio_desc *desc, int value);

/* clk.h */
struct clk *devm_clk_get_optional(struct device *dev, const char *id);
unsigned long clk_get_rate(struct clk *clk);

/* device.h (a static inline there) */
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);

/* of.h */
extern void of_node_put(struct device_node *node);

#endif /* ERRPTR_TEST_KERNEL_MIN_H */
