import { CustomerTier, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { TIER_CHOICES, words } from '../sdk/field-words';

/** True when the customer has the given tier (vip / standard). */
export const customerTier = defineNode({
  type: 'customer_tier',
  kind: 'condition',
  icon: 'crown',
  title: { en: 'Customer tier', 'zh-CN': '客户等级' },
  description: {
    en: 'True when the customer has the given tier, e.g. VIP.',
    'zh-CN': '客户等级为指定等级（如 VIP）时为真。',
  },
  config: z.strictObject({ tier: describeField(CustomerTier.default('vip'), { title: words('Tier', '客户等级'), choices: TIER_CHOICES }) }),
  evaluate: (ctx, config) => ctx.ticket.customer.tier === config.tier,
  explain: (ctx, config) => ({ field: 'customer.tier', actual: ctx.ticket.customer.tier, expected: config.tier }),
  summary: (config, locale) => (locale === 'en' ? `customer is ${config.tier}` : `客户等级为 ${config.tier}`),
});
