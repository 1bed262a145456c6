import { bilingual } from '@switchyard/flow';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env';

/** The media types Hono's validator parses as JSON (`application/json`, `application/*+json`). */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/i;

/** Deeper than any flow document or sample ticket; deep enough nesting overflows stacks and PostgreSQL. */
export const MAX_JSON_DEPTH = 64;

/** Stands in for the undecodable bytes, so the field that held them can be named. */
const MARKER = '\uFFFF\uFFFEswitchyard:not-utf-8\uFFFE\uFFFF';

const NOT_UTF8 = bilingual('not valid UTF-8: send text encoded as UTF-8', '不是有效的 UTF-8：请以 UTF-8 编码发送文本');
const TOO_DEEP = bilingual(`nested deeper than ${MAX_JSON_DEPTH} levels`, `嵌套超过 ${MAX_JSON_DEPTH} 层`);

type PathStep = string | number;
interface Visit {
  readonly value: unknown;
  readonly depth: number;
  readonly step?: PathStep;
  readonly parent?: Visit;
}

function pathOf(visit: Visit | undefined): string {
  const steps: PathStep[] = [];
  for (let at = visit; at?.step !== undefined; at = at.parent) steps.unshift(at.step);
  return steps.join('.');
}

/**
 * The dotted path of the first value (or key) `found` picks, in document order; walked
 * without recursion and with parent links, since a hostile body may nest thousands deep.
 */
function findPath(
  root: unknown,
  found: (value: unknown, depth: number) => boolean,
  keyFound: (key: string) => boolean = () => false,
): string | undefined {
  const stack: Visit[] = [{ value: root, depth: 0 }];
  for (let visit = stack.pop(); visit !== undefined; visit = stack.pop()) {
    if (found(visit.value, visit.depth)) return pathOf(visit);
    if (typeof visit.value !== 'object' || visit.value === null) continue;
    const entries: [PathStep, unknown][] = Array.isArray(visit.value) ? [...visit.value.entries()] : Object.entries(visit.value);
    for (const [step, value] of entries.reverse()) {
      const child = { value, depth: visit.depth + 1, step, parent: visit };
      if (typeof step === 'string' && keyFound(step)) return pathOf(child);
      stack.push(child);
    }
  }
  return undefined;
}

/** How many leading bytes decode (or start a character that more bytes could finish): monotone, so bisected. */
function decodablePrefix(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  return low;
}

/** The dotted path of the field holding the first undecodable bytes; '' when they are outside any string. */
function invalidUtf8Path(bytes: Uint8Array): string {
  const valid = decodablePrefix(bytes);
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, valid), { stream: true });
  const text = head + MARKER + new TextDecoder('utf-8').decode(bytes.subarray(valid));
  try {
    const hasMarker = (value: unknown) => typeof value === 'string' && value.includes(MARKER);
    return findPath(JSON.parse(text), hasMarker, (key) => key.includes(MARKER))?.replace(MARKER, '') ?? '';
  } catch {
    return '';
  }
}

/**
 * Decodes JSON bodies strictly before validation: bytes that are not UTF-8 answer 400
 * naming the field that held them (the platform would turn them into U+FFFD and store
 * that), and so does nesting deeper than {@link MAX_JSON_DEPTH}. Malformed JSON is left
 * to the route's validator, which answers its own 400.
 * @example app.use('/api/*', strictJsonBody())
 */
export function strictJsonBody(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? '';
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !JSON_MEDIA_TYPE.test(mediaType)) return next();
    // Cached by Hono: the validator's c.req.json() reads the same bytes again.
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    // An empty body is no body, as it was before routes took optional ones (`POST .../versions` from older clients).
    if (bytes.length === 0) {
      const headers = new Headers(c.req.raw.headers);
      headers.delete('content-type');
      c.req.raw = new Request(c.req.raw.url, { method: c.req.method, headers });
      return next();
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return c.json({ error: 'invalid request', details: [{ path: invalidUtf8Path(bytes), message: NOT_UTF8 }] }, 400);
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return next();
    }
    const deep = findPath(value, (_, depth) => depth > MAX_JSON_DEPTH);
    if (deep !== undefined) return c.json({ error: 'invalid request', details: [{ path: deep, message: TOO_DEEP }] }, 400);
    return next();
  };
}
