import { describe, expect, it } from 'vitest';
import { hasRawTags, templatePieces, templateTags } from './template-values';

describe('templatePieces', () => {
  it("splits the author's text from the values, with mustache's own lookups and sections", () => {
    expect(
      templatePieces('工单 {{ticket.number}}{{#vars.a}}: {{{vars.a}}}{{/vars.a}}', { ticket: { number: 'GD1' }, vars: { a: '<b>' } }),
    ).toEqual([
      { kind: 'text', text: '工单 ' },
      { kind: 'value', text: 'GD1', raw: false },
      { kind: 'text', text: ': ' },
      { kind: 'value', text: '<b>', raw: true },
    ]);
  });

  it('writes a list with commas and an object as JSON, and nothing for a missing name', () => {
    expect(templatePieces('{{a}}|{{b}}|{{c}}', { a: ['x', 'y'], b: { k: 1 } })).toEqual([
      { kind: 'value', text: 'x,y', raw: false },
      { kind: 'text', text: '|' },
      { kind: 'value', text: '{"k":1}', raw: false },
      { kind: 'text', text: '|' },
    ]);
  });

  it("cannot be fooled by the marker characters in the author's text or in a value", () => {
    expect(templatePieces('a\uE0000\uE001b{{x}}', { x: '\uE0000\uE001' })).toEqual([
      { kind: 'text', text: 'a0b' },
      { kind: 'value', text: '\uE0000\uE001', raw: false },
    ]);
  });
});

describe('templateTags', () => {
  it('lists every value tag, raw or not, inside sections too', () => {
    expect(templateTags('{{a}} {{{b}}} {{#c}}{{& d}}{{/c}}')).toEqual([
      { name: 'a', raw: false },
      { name: 'b', raw: true },
      { name: 'd', raw: true },
    ]);
    expect(hasRawTags('{{a}} {{#c}}{{d}}{{/c}}')).toBe(false);
    expect(hasRawTags('{{#c}}{{{d}}}{{/c}}')).toBe(true);
    expect(templateTags('{{broken')).toEqual([]);
  });
});
