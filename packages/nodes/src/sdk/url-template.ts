import { bilingual } from '@switchyard/flow';
import { templatePieces } from './template-values';

const SCHEME_AND_AUTHORITY = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/;
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** Thrown when a value would make the URL leave the path its author wrote. */
export class UrlTemplateError extends Error {
  constructor(segment: string) {
    super(
      `a {{ }} value makes the URL path segment "${segment}", which would climb out of the path (值使 URL 路径段成为 "${segment}"，会跳出设定的路径)`,
    );
    this.name = 'UrlTemplateError';
  }
}

/** Warning text validation shows for a raw `{{{x}}}` in a URL. */
export const RAW_IN_URL = bilingual(
  'a {{{ }}} tag inserts its value into the URL unencoded: a customer could change the path or the query; use {{ }} unless the value is trusted',
  '{{{ }}} 标记会把值原样放入 URL：客户可能借此改变路径或查询参数；除非该值可信，请使用 {{ }}',
);

/**
 * Renders a URL template with each value percent-encoded (`encodeURIComponent`) wherever
 * it lands, so a value is one path segment or one query value and nothing more: `/`, `?`,
 * `#`, `&` and `=` in it are data. A value that makes a path segment `.` or `..` throws.
 * Only `{{{x}}}` (or `{{& x}}`) inserts a value as is.
 * @example renderUrlTemplate('https://erp/orders/{{id}}?q={{q}}', { id: '../admin', q: 'a&b' }) // "https://erp/orders/..%2Fadmin?q=a%26b"
 */
export function renderUrlTemplate(template: string, view: Record<string, unknown>): string {
  let url = '';
  const encoded: [number, number][] = [];
  for (const piece of templatePieces(template, view)) {
    if (piece.kind === 'value' && !piece.raw) {
      const from = url.length;
      url += encodeURIComponent(piece.text);
      encoded.push([from, url.length]);
    } else {
      url += piece.text;
    }
  }
  checkPathSegments(url, encoded);
  return url;
}

/** Refuses a dot segment in the path that a value helped make (`/orders/{{id}}` with id `..`). */
function checkPathSegments(url: string, encoded: readonly [number, number][]): void {
  if (encoded.length === 0) return;
  const start = SCHEME_AND_AUTHORITY.exec(url)?.[0].length ?? 0;
  const queryOrFragment = url.slice(start).search(/[?#]/);
  const end = queryOrFragment === -1 ? url.length : start + queryOrFragment;
  let segmentStart = start;
  for (let i = start; i <= end; i++) {
    if (i < end && url[i] !== '/') continue;
    const segment = url.slice(segmentStart, i);
    const touched = encoded.some(([from, to]) => from <= i && to >= segmentStart);
    if (touched && DOT_SEGMENT.test(segment)) throw new UrlTemplateError(segment);
    segmentStart = i + 1;
  }
}
