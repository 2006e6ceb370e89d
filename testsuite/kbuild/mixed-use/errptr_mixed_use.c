// SPDX-License-Identifier: GPL-2.0
/*
 * errptr kbuild test: errptr-mixed-use against the real 6.1 headers, where
 * IS_ERR() is the kernel's own inline and the GPIO and clock consumer APIs
 * are the real prototypes.  Never loaded: it only has to compile.
 */
#include <linux/module.h>
#include <linux/err.h>
#include <linux/slab.h>
#include <linux/device.h>
#include <linux/platform_device.h>
#include <linux/gpio/consumer.h>
#include <linux/clk.h>

struct emu_priv {
	struct gpio_desc *power;
	struct clk *clk;
	int irq;
};

/* POSITIVE: the reset line is optional; IS_ERR() lets "none" (NULL) through
 * to desc_to_gpio(), which reads desc->gdev. */
static int emu_report_reset(struct device *dev)
{
	struct gpio_desc *reset = devm_gpiod_get_optional(dev, "reset", GPIOD_OUT_LOW);

	if (IS_ERR(reset)) /* { dg-warning "'devm_gpiod_get_optional' may also return NULL, which this IS_ERR\(\) test lets through to the use at line 29 \[errptr-mixed-use\]" } */
		return PTR_ERR(reset);
	dev_info(dev, "reset on gpio %d\n", desc_to_gpio(reset)); /* { dg-message "'reset' is passed to 'desc_to_gpio' here, which does not accept NULL" } */
	return 0;
}

/* NEGATIVE: the same getters, used the way the consumer APIs intend: the
 * gpiod and clk functions take NULL as "none". */
static int emu_power_up(struct device *dev, struct emu_priv *priv)
{
	int ret;

	priv->power = devm_gpiod_get_optional(dev, "power", GPIOD_OUT_LOW);
	if (IS_ERR(priv->power)) /* { dg-bogus "errptr" } */
		return PTR_ERR(priv->power);
	priv->clk = devm_clk_get_optional(dev, "bus");
	if (IS_ERR(priv->clk)) /* { dg-bogus "errptr" } */
		return PTR_ERR(priv->clk);

	gpiod_set_value_cansleep(priv->power, 1);
	ret = clk_prepare_enable(priv->clk);
	if (ret)
		gpiod_set_value_cansleep(priv->power, 0);
	return ret;
}

/* NEGATIVE: local variables, same story; and the IRQ of an optional GPIO is
 * asked only when there is one. */
static int emu_irq(struct device *dev)
{
	struct clk *clk = devm_clk_get_optional(dev, "ref");
	struct gpio_desc *irq_gpio;

	if (IS_ERR(clk)) /* { dg-bogus "errptr" } */
		return PTR_ERR(clk);
	if (clk_get_rate(clk) > 100000000)
		return -EINVAL;
	irq_gpio = devm_gpiod_get_optional(dev, "irq", GPIOD_IN);
	if (IS_ERR(irq_gpio)) /* { dg-bogus "errptr" } */
		return PTR_ERR(irq_gpio);
	if (!irq_gpio)
		return 0;
	return desc_to_gpio(irq_gpio);
}

/* ---- a module-private ops table (members.c) ------------------------------- */
struct emu_channel {
	int id;
	unsigned long rate;
};

struct emu_bus_ops {
	struct emu_channel *(*find)(struct emu_priv *priv, int id);
};

static struct emu_channel emu_channels[4];

/* NULL: no such channel; ERR_PTR(): the bus is down */
static struct emu_channel *emu_find(struct emu_priv *priv, int id)
{
	if (priv->irq < 0)
		return ERR_PTR(-EIO);
	if (id < 0 || id >= ARRAY_SIZE(emu_channels))
		return NULL;
	return &emu_channels[id];
}

static const struct emu_bus_ops emu_ops = {
	.find = emu_find,
};

/* POSITIVE: the NULL test misses the error pointer */
static unsigned long emu_channel_rate(const struct emu_bus_ops *ops, struct emu_priv *priv, int id)
{
	struct emu_channel *ch = ops->find(priv, id);

	if (!ch) /* { dg-warning "'emu_bus_ops.find' may also return an error pointer, which this NULL test lets through to the use at line 105 \[errptr-mixed-use\]" } */
		return 0;
	return ch->rate;
}

/* NEGATIVE: both handled */
static int emu_channel_id(const struct emu_bus_ops *ops, struct emu_priv *priv, int id)
{
	struct emu_channel *ch = ops->find(priv, id);

	if (IS_ERR_OR_NULL(ch)) /* { dg-bogus "errptr" } */
		return -ENODEV;
	return ch->id;
}

static int emu_probe(struct platform_device *pdev)
{
	struct emu_priv *priv;
	int ret;

	priv = devm_kzalloc(&pdev->dev, sizeof(*priv), GFP_KERNEL);
	if (!priv)
		return -ENOMEM;
	ret = emu_power_up(&pdev->dev, priv);
	if (ret)
		return ret;
	priv->irq = emu_irq(&pdev->dev);
	ret = emu_report_reset(&pdev->dev);
	if (ret)
		return ret;
	platform_set_drvdata(pdev, priv);
	return emu_channel_rate(&emu_ops, priv, 0) ? emu_channel_id(&emu_ops, priv, 1) : 0;
}

static struct platform_driver emu_driver = {
	.probe	= emu_probe,
	.driver	= {
		.name = "errptr-mixed-use",
	},
};
module_platform_driver(emu_driver);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("errptr kbuild test: mixed-use");
