import { describe, expect, it } from 'vitest';
import { createTestContext } from '../testing/node-test-context';
import { isValidTemplate, renderTemplate, templateView } from './template';

describe('renderTemplate', () => {
  it('renders dotted names', () => {
    expect(
      renderTemplate('工单 {{ticket.number}}：{{vars.track.status}}', { ticket: { number: 'GD1' }, vars: { track: { status: '已发货' } } }),
    ).toBe('工单 GD1：已发货');
  });

  it('does not HTML-escape', () => {
    expect(renderTemplate('{{a}} {{b}}', { a: '<b>x</b>', b: 'Tom & "Jerry"' })).toBe('<b>x</b> Tom & "Jerry"');
  });

  it('renders a missing name as empty', () => {
    expect(renderTemplate('[{{vars.nothing.here}}]', { vars: {} })).toBe('[]');
  });
});

describe('templateView', () => {
  it('offers the ticket, vars, the event and the order number', () => {
    const ctx = createTestContext({
      ticket: { number: 'GD7', body: '订单 dd778899 没到' },
      vars: { track: { status: '运输中' } },
      event: { type: 'customer.message', body: '还没到' },
    });
    const text = renderTemplate('{{ticket.number}} {{orderNumber}} {{vars.track.status}} {{event.body}}', templateView(ctx));
    expect(text).toBe('GD7 DD778899 运输中 还没到');
  });

  it('gives an empty order number when there is none', () => {
    expect(templateView(createTestContext()).orderNumber).toBe('');
  });
});

describe('isValidTemplate', () => {
  it('accepts plain text and well-formed tags, refuses broken ones', () => {
    expect(isValidTemplate('您好')).toBe(true);
    expect(isValidTemplate('{{ticket.number}} {{#vars.x}}y{{/vars.x}}')).toBe(true);
    expect(isValidTemplate('{{ticket.number')).toBe(false);
    expect(isValidTemplate('{{#vars.x}}unclosed')).toBe(false);
  });
});
