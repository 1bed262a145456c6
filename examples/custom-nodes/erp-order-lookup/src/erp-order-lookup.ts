import { bilingual } from '@switchyard/flow';
import { defineNode, findOrderNumber, isValidTemplate } from '@switchyard/nodes';
import { z } from 'zod';

/** Where the ERP listens when neither the node config nor ERP_URL says otherwise (the example services). */
export const DEFAULT_ERP_URL = 'http://127.0.0.1:4010';

/** The ERP's API token, sent as `x-api-key` (`SWITCHYARD_SECRET_ERP_API_TOKEN` or PUT /api/secrets/ERP_API_TOKEN). */
export const ERP_TOKEN = 'ERP_API_TOKEN';

/** The order fields later nodes read; the ERP may send more, which are kept. */
export const ErpOrder = z.looseObject({
  orderNumber: z.string(),
  status: z.string(),
  /** In yuan. */
  amount: z.number(),
  currency: z.string().default('CNY'),
  paidAt: z.string().nullable().default(null),
  shippedAt: z.string().nullable().default(null),
  deliveredAt: z.string().nullable().default(null),
  items: z.number().int().default(0),
});
export type ErpOrder = z.infer<typeof ErpOrder>;

/** `vars.<nodeId>`: the order's fields with `found: true`, or `found: false` and why. */
export type OrderLookupOutput =
  | ({ readonly found: true } & ErpOrder)
  | { readonly found: false; readonly orderNumber: string | null; readonly reason: 'no_order_number' | 'not_found' };

/**
 * Fetches the ticket's order from the ERP (`GET <serviceUrl>/erp/orders/<number>`) and
 * puts its fields in `vars.<nodeId>` for later conditions, e.g. an expression
 * `vars.order.found && vars.order.status == "delivered" && vars.order.amount > 500`.
 * A ticket without an order number, or an order the ERP does not know (404), is an
 * answer (`found: false`), not a failure; other non-2xx answers and timeouts fail the step.
 * @example export default defineConfig({ nodes: [erpOrderLookup] });
 */
export const erpOrderLookup = defineNode({
  type: 'erp.order_lookup',
  kind: 'action',
  // It only reads, but it calls out: it runs from the outbox (timeout, retries) and dry-runs call simulate.
  sideEffect: true,
  secrets: [ERP_TOKEN],
  timeoutMs: 5_000,
  icon: 'package-search',
  title: { en: 'Look up order (ERP)', 'zh-CN': '查询订单（ERP）' },
  description: {
    en: "Fetches the ticket's order from the ERP by its order number; its fields (status, amount, shippedAt...) are available to later nodes as vars.<node id>.",
    'zh-CN': '按工单中的订单号从 ERP 查询订单；订单字段（状态、金额、发货时间等）可在后续节点中用 vars.<节点 ID> 引用。',
  },
  config: z.strictObject({
    serviceUrl: z.url().default(() => process.env.ERP_URL ?? DEFAULT_ERP_URL),
    /** Where the order number comes from: the ticket's (orderId, or DD + digits in its text) by default. */
    orderNumber: z
      .string()
      .min(1)
      .refine(isValidTemplate, bilingual('broken {{ }} tag in orderNumber', '订单号中的 {{ }} 标记不完整'))
      .default('{{orderNumber}}'),
    timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
    /** What a dry-run returns as the order (its number is the ticket's). */
    sampleOrder: z.looseObject({}).default({ status: 'shipped', amount: 299, currency: 'CNY', items: 1 }),
  }),
  run: async (ctx, config) => {
    const orderNumber = ctx.render(config.orderNumber).trim();
    if (!orderNumber) return { params: { orderNumber: null }, output: notFound(null, 'no_order_number') };
    // Encoded, `.` and `..` are still path steps: `erp/orders/..` would call `erp/` (issue 15). No order has such a number.
    if (orderNumber === '.' || orderNumber === '..') return { params: { orderNumber }, output: notFound(orderNumber, 'not_found') };
    const url = new URL(`erp/orders/${encodeURIComponent(orderNumber)}`, withSlash(config.serviceUrl));
    const response = await ctx.http.get(url, {
      headers: { 'x-api-key': ctx.secrets.get(ERP_TOKEN) },
      timeoutMs: config.timeoutMs,
      accept: [404],
    });
    if (response.status === 404) {
      ctx.logger.info('order not found in the ERP', { orderNumber });
      return { params: { orderNumber, status: 404 }, output: notFound(orderNumber, 'not_found') };
    }
    const order = ErpOrder.safeParse(response.body);
    if (!order.success)
      throw new Error(
        `GET ${url.origin}${url.pathname}: the ERP answered an order without ${order.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    ctx.logger.info('order found', { orderNumber, status: order.data.status });
    return { params: { orderNumber, status: response.status }, output: { found: true, ...order.data } satisfies OrderLookupOutput };
  },
  simulate: (ctx, config) => {
    const orderNumber = ctx.render(config.orderNumber).trim() || findOrderNumber(ctx.ticket) || null;
    if (!orderNumber) return { params: { orderNumber: null, simulated: true }, output: notFound(null, 'no_order_number') };
    const order = ErpOrder.parse({ status: 'shipped', amount: 0, ...config.sampleOrder, orderNumber });
    return { params: { orderNumber, simulated: true }, output: { found: true, ...order } satisfies OrderLookupOutput };
  },
  summary: (config, locale) => (locale === 'en' ? `look up order ${config.orderNumber}` : `查询订单 ${config.orderNumber}`),
});

function notFound(orderNumber: string | null, reason: 'no_order_number' | 'not_found'): OrderLookupOutput {
  return { found: false, orderNumber, reason };
}

/** `new URL(path, base)` drops the base's last segment unless it ends with a slash. */
function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
