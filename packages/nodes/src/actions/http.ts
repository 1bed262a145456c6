import { bilingual } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode } from '../sdk/define-node';
import { isValidTemplate } from '../sdk/template';

/**
 * Calls an external system (ERP, CRM, logistics). The JSON response is the node's
 * output (`vars.<nodeId>`); dry-run returns `sampleResponse` instead of calling.
 */
export const http = defineNode({
  type: 'http',
  kind: 'action',
  icon: 'globe',
  sideEffect: true,
  title: { en: 'HTTP request', 'zh-CN': 'HTTP 请求' },
  description: {
    en: 'Calls an external system (ERP, CRM, logistics); its JSON answer is available to later nodes as vars.<node id>.',
    'zh-CN': '调用外部系统（ERP、CRM、物流）；返回的 JSON 可在后续节点中用 vars.<节点 ID> 引用。',
  },
  config: z.strictObject({
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
    url: z.string().min(1).refine(isValidTemplate, bilingual('broken {{ }} tag in url', 'URL 中的 {{ }} 标记不完整')),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().refine(isValidTemplate, bilingual('broken {{ }} tag in body', '请求体中的 {{ }} 标记不完整')).optional(),
    timeoutMs: z.number().int().min(100).max(60_000).default(10_000),
    /** What dry-run returns in place of the real response. */
    sampleResponse: z.unknown().optional(),
  }),
  run: async (ctx, config) => {
    const url = ctx.render(config.url);
    const body = config.body === undefined ? undefined : ctx.render(config.body);
    const signal = ctx.signal ? AbortSignal.any([ctx.signal, AbortSignal.timeout(config.timeoutMs)]) : AbortSignal.timeout(config.timeoutMs);
    const response = await fetch(url, {
      method: config.method,
      // The idempotency key comes last: a configured header must not defeat deduplication.
      headers: { 'content-type': 'application/json', ...config.headers, 'idempotency-key': ctx.idempotencyKey },
      ...(body === undefined ? {} : { body }),
      signal,
    });
    if (!response.ok) throw new Error(`${config.method} ${url} answered ${response.status}`);
    const text = await response.text();
    return { params: { method: config.method, url, status: response.status }, output: parseJson(text, `${config.method} ${url}`) };
  },
  simulate: (ctx, config) => ({
    params: { method: config.method, url: ctx.render(config.url), simulated: true },
    output: config.sampleResponse ?? null,
  }),
  summary: (config) => `${config.method} ${config.url}`,
});

function parseJson(text: string, request: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${request} answered with a body that is not JSON: ${text.slice(0, 80)}`);
  }
}
