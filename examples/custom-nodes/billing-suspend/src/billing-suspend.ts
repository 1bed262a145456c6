import { defineNode } from '@switchyard/nodes';
import { z } from 'zod';

/** Where the billing service listens when neither the node config nor BILLING_URL says otherwise. */
export const DEFAULT_BILLING_URL = 'http://127.0.0.1:4010';

/** The billing service's answer, kept loose: only `suspended` is read by later nodes. */
const SuspendResponse = z.looseObject({ suspended: z.boolean().optional() });

/**
 * Pauses a customer's subscription billing while a complaint about a paid feature is
 * handled (SCENARIOS.md, scenario 10). POSTs `{ customerId, ticketId, reason }` to
 * `<serviceUrl>/subscriptions/suspend` with the run's idempotency key, so a retried
 * outbox delivery does not suspend twice; a non-2xx answer or a timeout fails the step.
 * @example
 * // switchyard.config.ts
 * export default defineConfig({ nodes: [billingSuspend] });
 */
export const billingSuspend = defineNode({
  type: 'billing.suspend',
  kind: 'action',
  sideEffect: true,
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
    const url = `${config.serviceUrl.replace(/\/+$/, '')}/subscriptions/suspend`;
    const payload = { customerId: ctx.ticket.customer.id, ticketId: ctx.ticket.id, reason: config.reason };
    const timeout = AbortSignal.timeout(config.timeoutMs);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': ctx.idempotencyKey },
      body: JSON.stringify(payload),
      signal: ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout,
    });
    if (!response.ok) throw new Error(`billing service answered ${response.status} for POST ${url}`);
    const parsed = SuspendResponse.safeParse(jsonOrEmpty(await response.text()));
    return { params: { ...payload, url, status: response.status }, output: parsed.success ? parsed.data : {} };
  },
  simulate: (ctx, config) => ({
    params: {
      customerId: ctx.ticket.customer.id,
      ticketId: ctx.ticket.id,
      reason: config.reason,
      url: `${config.serviceUrl.replace(/\/+$/, '')}/subscriptions/suspend`,
      simulated: true,
    },
    output: { suspended: true },
  }),
  summary: (config, locale) => (locale === 'en' ? `suspend billing: ${config.reason}` : `暂停计费：${config.reason}`),
});

/** A 2xx answer is success even when its body is empty or not JSON. */
function jsonOrEmpty(text: string): unknown {
  try {
    return text ? (JSON.parse(text) as unknown) : {};
  } catch {
    return {};
  }
}
