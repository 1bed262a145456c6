import { bilingual } from '@switchyard/flow';
import { templatePieces } from './template-values';

/** Thrown for a value placed right after a backslash inside a JSON string, where no escaping can hold. */
export class JsonTemplateError extends Error {
  constructor() {
    super('a {{ }} tag right after a backslash in a JSON string cannot be escaped (JSON 字符串中紧跟反斜杠的 {{ }} 标记无法转义)');
    this.name = 'JsonTemplateError';
  }
}

/** Warning text validation shows for a raw `{{{x}}}` in a JSON body. */
export const RAW_IN_BODY = bilingual(
  'a {{{ }}} tag inserts its value into the body unescaped: a customer could add or change fields; use {{ }} unless the value is trusted',
  '{{{ }}} 标记会把值原样放入请求体：客户可能借此增加或修改字段；除非该值可信，请使用 {{ }}',
);

/**
 * Renders a JSON body template so every value is a JSON string and only that: inside the
 * author's quotes (`"{{ticket.body}}"`) it is escaped as string content, elsewhere
 * (`{"n": {{x}}}`) it becomes a quoted string. A customer's `","admin":true` stays text in
 * the one field it was put in. Only `{{{x}}}` (or `{{& x}}`) inserts a value as is.
 * @example renderJsonTemplate('{"note":"{{t}}"}', { t: 'a"b' }) // '{"note":"a\\"b"}'
 */
export function renderJsonTemplate(template: string, view: Record<string, unknown>): string {
  let body = '';
  let inString = false;
  let escaped = false;
  const scan = (text: string): void => {
    for (const ch of text) {
      if (!inString) inString = ch === '"';
      else if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
    }
  };
  for (const piece of templatePieces(template, view)) {
    if (piece.kind === 'text' || piece.raw) {
      body += piece.text;
      scan(piece.text);
    } else if (!inString) {
      body += JSON.stringify(piece.text);
    } else if (escaped) {
      throw new JsonTemplateError();
    } else {
      body += JSON.stringify(piece.text).slice(1, -1);
    }
  }
  return body;
}
