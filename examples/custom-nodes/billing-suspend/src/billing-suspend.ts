import { defineNode } from '@switchyard/nodes';
import { z } from 'zod';

/** Where the billing service listens when neither the node config nor BILLING_URL says otherwise. */
export const DEFAULT_BILLING_URL = 'http://127.0.0.1:4010';

/** The billing service's API key, sent as a bearer token when set (`SWITCHYARD_SECRET_BILLING_API_KEY` or PUT /api/secrets/BILLING_API_KEY). */
export const API_KEY = 'BILLING_API_KEY';

/** The billing service's answer, kept loose: only `suspended` is read by later nodes. */
const SuspendResponse = z.looseObject({ suspended: z.boolean().optional() });

/**
 * Pauses a customer's subscription billing while a complaint about a paid feature is
 * handled (SCENARIOS.md, scenario 10). POSTs `{ customerId, ticketId, reason }` to
 * `<serviceUrl>/subscriptions/suspend` with the run's idempotency key, so a retried
 * outbox delivery does not suspend twice, and the BILLING_API_KEY secret as a bearer
 * token; a non-2xx answer or a timeout fails the step.
 * @example
 * // switchyard.config.ts
 * export default defineConfig({ nodes: [billingSuspend] });
 */
export const billingSuspend = defineNode({
  type: 'billing.suspend',
  kind: 'action',
  sideEffect: true,
  secrets: [API_KEY],
  icon: 'circle-pause',
  title: { en: 'Suspend billing', 'zh-CN': '暂停计费' },
  description: {
    en: "Pauses the customer's subscription billing in the billing service.",
    'zh-CN': '在计费系统中暂停该客户的订阅计费。',
  },
  config: z.strictObject({
    // Read when the flow is validated, so a deployment points every flow at its service with one variable.
    serviceUrl: z.url().default(() => process.env.BILLING_URL ?? DEFAULT_BILLING_URL),
    reason: z.string().trim().min(1).max(200).default('complaint about a paid feature'),
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
  }),
  run: async (ctx, config) => {
    const url = suspendUrl(config.serviceUrl);
    const payload = { customerId: ctx.ticket.customer.id, ticketId: ctx.ticket.id, reason: config.reason };
    // Optional so the stand-in service works without set-up; a real billing service refuses a call without it.
    const key = ctx.secrets.has(API_KEY) ? ctx.secrets.get(API_KEY) : undefined;
    if (key === undefined) ctx.logger.warn(`${API_KEY} is not set: calling the billing service without a key`, { url });
    const response = await ctx.http.post(url, payload, {
      headers: key === undefined ? {} : { authorization: `Bearer ${key}` },
      timeoutMs: config.timeoutMs,
    });
    const parsed = SuspendResponse.safeParse(response.body ?? {});
    ctx.logger.info('billing suspended', { customerId: payload.customerId, status: response.status });
    return { params: { ...payload, url, status: response.status }, output: parsed.success ? parsed.data : {} };
  },
  simulate: (ctx, config) => ({
    params: {
      customerId: ctx.ticket.customer.id,
      ticketId: ctx.ticket.id,
      reason: config.reason,
      url: suspendUrl(config.serviceUrl),
      simulated: true,
    },
    output: { suspended: true },
  }),
  summary: (config, locale) => (locale === 'en' ? `suspend billing: ${config.reason}` : `暂停计费：${config.reason}`),
});

function suspendUrl(serviceUrl: string): string {
  return `${serviceUrl.replace(/\/+$/, '')}/subscriptions/suspend`;
}
