import type { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { backtestRequest, defaultForm, formProblem, localInput } from './backtest-form';

const doc: FlowDocument = { id: 'f', name: 'F', description: '', nodes: [], edges: [] };

describe('backtest form', () => {
  it('defaults to the last seven days, ending at the next whole minute', () => {
    const form = defaultForm(new Date(2026, 11, 6, 19, 30, 42));
    expect(form).toMatchObject({ target: 'draft', from: '2026-11-29T19:31', to: '2026-12-06T19:31' });
    expect(formProblem(form)).toBeNull();
  });

  it('refuses a window that ends before it starts', () => {
    expect(formProblem({ ...defaultForm(new Date()), from: '2026-12-06T10:00', to: '2026-12-06T09:00' })).toBe('backtest.badWindow');
    expect(formProblem({ ...defaultForm(new Date()), from: '' })).toBe('backtest.badWindow');
  });

  it('sends the draft as a document, a version by number, and only the filter fields filled in', () => {
    const form = { ...defaultForm(new Date(2026, 0, 5, 9, 0)), channel: 'email' as const, group: ' logistics ' };
    const draft = backtestRequest(form, doc);
    expect(draft.document).toBe(doc);
    expect(draft.version).toBeUndefined();
    expect(draft.filter).toEqual({ channel: 'email', group: 'logistics' });
    expect(draft.from).toBe(new Date(form.from).toISOString());
    const version = backtestRequest({ ...defaultForm(new Date()), target: 3 }, doc);
    expect(version).toMatchObject({ version: 3 });
    expect(version.document).toBeUndefined();
    expect(version.filter).toBeUndefined();
  });

  it('writes local minutes for a datetime-local field', () => {
    expect(localInput(new Date(2026, 0, 5, 9, 7, 59))).toBe('2026-01-05T09:07');
  });
});
