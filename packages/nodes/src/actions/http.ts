import { bilingual, describeField } from '@switchyard/flow';
import { z } from 'zod';
import { defineNode, type ConfigWarning } from '../sdk/define-node';
import { RAW_IN_BODY, renderJsonTemplate } from '../sdk/json-template';
import { isValidTemplate, renderTemplate, templateView } from '../sdk/template';
import { hasRawTags, templatePieces, templateTags } from '../sdk/template-values';
import { RAW_IN_URL, renderUrlTemplate } from '../sdk/url-template';
import { words } from '../sdk/field-words';

const UNESCAPED_BODY = bilingual(
  'values go into this body unescaped: only JSON and form (application/x-www-form-urlencoded) bodies escape them',
  '值会原样放入此请求体：只有 JSON 和表单（application/x-www-form-urlencoded）请求体会转义',
);

/**
 * Calls an external system (ERP, CRM, logistics). The JSON response is the node's
 * output (`vars.<nodeId>`); dry-run returns `sampleResponse` instead of calling.
 * Values are escaped for where they land: percent-encoded in the URL, JSON strings in a
 * JSON body, form-encoded in a form body; `{{{x}}}` inserts one as is (validation warns).
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
    method: describeField(z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'), {
      title: words('Method', '请求方法'),
      choices: {
        GET: words('GET (read)', 'GET（读取）'),
        POST: words('POST (create)', 'POST（新建）'),
        PUT: words('PUT (replace)', 'PUT（替换）'),
        PATCH: words('PATCH (change)', 'PATCH（修改）'),
        DELETE: words('DELETE (remove)', 'DELETE（删除）'),
      },
    }),
    url: describeField(z.string().min(1).refine(isValidTemplate, bilingual('broken {{ }} tag in url', 'URL 中的 {{ }} 标记不完整')), {
      title: words('Address (URL)', '地址（URL）'),
      help: words(
        'May use variables, e.g. https://erp.example.com/orders/{{orderNumber}}; they are URL-encoded.',
        '可以使用变量，例如 https://erp.example.com/orders/{{orderNumber}}；变量会做 URL 编码。',
      ),
      variables: 'template',
    }),
    body: describeField(
      z.string().refine(isValidTemplate, bilingual('broken {{ }} tag in body', '请求体中的 {{ }} 标记不完整')).optional(),
      {
        title: words('Request body', '请求体'),
        help: words('JSON by default; variables are escaped as JSON strings.', '默认为 JSON；变量按 JSON 字符串转义。'),
        variables: 'template',
        showWhen: { method: ['POST', 'PUT', 'PATCH', 'DELETE'] },
      },
    ),
    headers: describeField(z.record(z.string(), z.string()).default({}), {
      title: words('Headers', '请求头'),
      group: words('Advanced', '高级'),
      folded: true,
    }),
    timeoutMs: describeField(z.number().int().min(100).max(60_000).default(10_000), {
      title: words('Time limit (ms)', '超时（毫秒）'),
      help: words('Longer than this and the call is retried later.', '超过此时长则稍后重试。'),
      group: words('Advanced', '高级'),
      folded: true,
    }),
    /** What dry-run returns in place of the real response. */
    sampleResponse: describeField(z.unknown().optional(), {
      title: words('Sample answer (dry-run)', '示例返回（试运行）'),
      help: words('What a dry-run gets instead of calling the system.', '试运行时不真正调用，用这个结果代替。'),
      group: words('Advanced', '高级'),
      folded: true,
    }),
  }),
  run: async (ctx, config) => {
    const view = templateView(ctx);
    const url = renderUrlTemplate(config.url, view);
    const body = config.body === undefined ? undefined : renderBody(config.body, view, contentType(config.headers));
    const signal = ctx.signal
      ? AbortSignal.any([ctx.signal, AbortSignal.timeout(config.timeoutMs)])
      : AbortSignal.timeout(config.timeoutMs);
    // Through ctx.http: the host's guard refuses internal addresses (after DNS, on every redirect).
    const response = await ctx.http.fetch(url, {
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
    params: { method: config.method, url: renderUrlTemplate(config.url, templateView(ctx)), simulated: true },
    output: config.sampleResponse ?? null,
  }),
  warnings: (config) => {
    const warnings: ConfigWarning[] = [];
    if (hasRawTags(config.url)) warnings.push({ field: 'url', message: RAW_IN_URL });
    if (config.body !== undefined) {
      const escapes = bodyKind(contentType(config.headers)) !== 'text';
      if (!escapes && templateTags(config.body).length > 0) warnings.push({ field: 'body', message: UNESCAPED_BODY });
      else if (hasRawTags(config.body)) warnings.push({ field: 'body', message: RAW_IN_BODY });
    }
    return warnings;
  },
  summary: (config) => `${config.method} ${config.url}`,
});

/** The content type the request is sent with (a configured header wins over JSON). */
function contentType(headers: Readonly<Record<string, string>>): string {
  const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type');
  return entry?.[1] ?? 'application/json';
}

function bodyKind(type: string): 'json' | 'form' | 'text' {
  const mime = (type.split(';')[0] ?? '').trim().toLowerCase();
  if (mime === 'application/json' || mime.endsWith('+json')) return 'json';
  return mime === 'application/x-www-form-urlencoded' ? 'form' : 'text';
}

function renderBody(template: string, view: Record<string, unknown>, type: string): string {
  switch (bodyKind(type)) {
    case 'json':
      return renderJsonTemplate(template, view);
    case 'form':
      return templatePieces(template, view)
        .map((piece) => (piece.kind === 'value' && !piece.raw ? encodeURIComponent(piece.text) : piece.text))
        .join('');
    case 'text':
      return renderTemplate(template, view);
  }
}

function parseJson(text: string, request: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${request} answered with a body that is not JSON: ${text.slice(0, 80)}`);
  }
}
