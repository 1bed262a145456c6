import { describe, expect, it } from 'vitest';
import { DEFAULT_CREATED_AT, InputError, parseTicketsFile } from '../index';

const ticket = (fields: Record<string, unknown> = {}) => ({ id: 't1', channel: 'chat', customer: { id: 'c1' }, ...fields });
const line = (fields: Record<string, unknown> = {}) => JSON.stringify(ticket(fields));

/** The InputError `parse` throws, or a failure when it throws nothing (or something else). */
function inputError(parse: () => unknown): InputError {
  try {
    parse();
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError, but the input parsed');
}

describe('parseTicketsFile', () => {
  it('reads a JSON array', () => {
    const text = JSON.stringify([ticket({ id: 'a' }), ticket({ id: 'b', channel: 'email' })], null, 2);
    expect(parseTicketsFile(text, 'tickets.json').map((t) => [t.id, t.channel])).toEqual([
      ['a', 'chat'],
      ['b', 'email'],
    ]);
  });

  it('reads JSON lines, skipping blank lines', () => {
    const text = `${line({ id: 'a' })}\n\n${line({ id: 'b' })}\n`;
    expect(parseTicketsFile(text, 'tickets.jsonl').map((t) => t.id)).toEqual(['a', 'b']);
  });

  it('applies the vocabulary defaults, createdAt included', () => {
    const [parsed] = parseTicketsFile(line(), 'tickets.jsonl');
    expect(parsed).toMatchObject({
      createdAt: DEFAULT_CREATED_AT,
      status: 'new',
      priority: 'normal',
      category: null,
      tags: [],
      flags: [],
      events: [],
      customer: { id: 'c1', tier: 'standard' },
    });
  });

  it('parses scripted events, with relative or ISO times', () => {
    const [parsed] = parseTicketsFile(
      line({
        events: [
          { at: '+15m', type: 'customer.message', body: '在吗' },
          { at: '2026-01-05T02:00:00Z', type: 'agent.reply', agentId: 'a1' },
        ],
      }),
      'tickets.jsonl',
    );
    expect(parsed!.events).toEqual([
      { at: '+15m', event: { type: 'customer.message', body: '在吗' } },
      { at: '2026-01-05T02:00:00Z', event: { type: 'agent.reply', agentId: 'a1', body: '' } },
    ]);
  });

  it('accepts the `expect` and `note` fields an example author writes', () => {
    const [parsed] = parseTicketsFile(line({ note: 'vip refund', expect: { assignee: 'a1', tags: ['x'] } }), 'tickets.jsonl');
    expect(parsed).toMatchObject({ note: 'vip refund', expect: { assignee: 'a1', tags: ['x'] } });
  });

  it('names file, line and field for a bad channel on line 3 of a JSON-lines file', () => {
    const text = [line({ id: 'a' }), line({ id: 'b' }), line({ id: 'c', channel: 'fax' })].join('\n');
    const error = inputError(() => parseTicketsFile(text, 'samples.jsonl'));
    expect([error.file, error.line, error.field]).toEqual(['samples.jsonl', 3, 'channel']);
    expect(error.message).toMatch(/^samples\.jsonl:3 channel: /);
  });

  it('names the field of a bad event time', () => {
    const error = inputError(() => parseTicketsFile(line({ events: [{ at: 'soon', type: 'customer.message', body: 'x' }] }), 'f.jsonl'));
    expect([error.line, error.field]).toEqual([1, 'events.0.at']);
  });

  it('names the field of an unknown event type', () => {
    const text = `${line({ id: 'a' })}\n${line({ id: 'b', events: [{ at: '+1m', type: 'customer.shout', body: 'x' }] })}`;
    const error = inputError(() => parseTicketsFile(text, 'f.jsonl'));
    expect([error.line, error.field]).toEqual([2, 'events.0.type']);
  });

  it('names the field an event is missing', () => {
    const error = inputError(() => parseTicketsFile(line({ events: [{ at: '+1m', type: 'customer.message' }] }), 'f.jsonl'));
    expect(error.field).toBe('events.0.body');
  });

  it('names the line of a JSON syntax error in a JSON-lines file', () => {
    const text = `${line({ id: 'a' })}\n${line({ id: 'b' })}\n{"id": "c", "channel": }\n${line({ id: 'd' })}`;
    const error = inputError(() => parseTicketsFile(text, 'f.jsonl'));
    expect([error.file, error.line, error.field]).toEqual(['f.jsonl', 3, undefined]);
    expect(error.reason).toMatch(/not valid JSON/);
  });

  it('names the line where a bad item of a JSON array starts', () => {
    const text = ['[', `  ${line({ id: 'a' })},`, '  {', '    "id": "b",', '    "channel": "chat"', '  }', ']'].join('\n');
    const error = inputError(() => parseTicketsFile(text, 'f.json'));
    expect([error.line, error.field]).toEqual([3, 'customer']);
  });

  it('is not misled by brackets and commas inside strings when locating array items', () => {
    const tricky = ticket({ id: 'a', subject: 'a, [b], {c} "quoted"' });
    const text = ['[', `  ${JSON.stringify(tricky)},`, '', `  ${line({ id: 'b', priority: 'asap' })}`, ']'].join('\n');
    const error = inputError(() => parseTicketsFile(text, 'f.json'));
    expect([error.line, error.field]).toEqual([4, 'priority']);
  });

  it('refuses a JSON document that is not an array of tickets', () => {
    const error = inputError(() => parseTicketsFile('[', 'f.json'));
    expect(error.file).toBe('f.json');
    expect(error.reason).toMatch(/not valid JSON/);
  });

  it('refuses a duplicate ticket id, naming the line of the second', () => {
    const text = [line({ id: 'a' }), line({ id: 'b' }), line({ id: 'a' })].join('\n');
    const error = inputError(() => parseTicketsFile(text, 'f.jsonl'));
    expect([error.line, error.field]).toEqual([3, 'id']);
    expect(error.reason).toMatch(/a appears twice/);
  });
});
