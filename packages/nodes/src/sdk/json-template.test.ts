import { describe, expect, it } from 'vitest';
import { JsonTemplateError, renderJsonTemplate } from './json-template';

// Issue 15: a body template {"leak":"{{ticket.body}}"} let a customer add JSON fields.
describe('renderJsonTemplate', () => {
  const injection = 'x","admin":true,"y":"';

  it("keeps a value inside the author's quotes a string: exactly the author's keys", () => {
    const body = JSON.parse(renderJsonTemplate('{"leak":"{{ticket.body}}"}', { ticket: { body: injection } })) as unknown;
    expect(body).toEqual({ leak: injection });
  });

  it('quotes a value placed outside quotes: a string, never a number, object or new field', () => {
    expect(JSON.parse(renderJsonTemplate('{"n": {{x}}, "m": {{y}}}', { x: 3, y: '1, "admin": true' })) as unknown).toEqual({
      n: '3',
      m: '1, "admin": true',
    });
  });

  it('escapes quotes, backslashes, newlines and control characters', () => {
    const text = 'a"b\\c\nd\u0001e</script>';
    expect(JSON.parse(renderJsonTemplate('{"t":"[{{t}}]"}', { t: text })) as unknown).toEqual({ t: `[${text}]` });
  });

  it("follows the author's escaped quotes when telling inside from outside", () => {
    expect(JSON.parse(renderJsonTemplate('{"a":"say \\"{{x}}\\"","b":{{x}}}', { x: 'hi"' })) as unknown).toEqual({
      a: 'say "hi""',
      b: 'hi"',
    });
  });

  it('inserts a value as is only where the author writes {{{x}}}', () => {
    expect(JSON.parse(renderJsonTemplate('{"order": {{{vars.lookup}}}}', { vars: { lookup: { id: 7 } } })) as unknown).toEqual({
      order: { id: 7 },
    });
  });

  it('refuses a tag right after a backslash inside a string, which no escaping can hold', () => {
    expect(() => renderJsonTemplate('{"a":"\\{{x}}"}', { x: '"' })).toThrow(JsonTemplateError);
  });
});
