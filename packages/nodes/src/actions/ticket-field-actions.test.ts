import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { addTag, escalate, flag, handoff, setCategory, setPriority, setStatus, transfer } from './ticket-field-actions';

describe('set_priority / set_category / set_status', () => {
  const ctx = createTestContext();

  it('patch the one field they set', async () => {
    expect(await setPriority.run(ctx, parseConfig(setPriority, { priority: 'urgent' }))).toEqual({ patch: { priority: 'urgent' } });
    expect(await setCategory.run(ctx, parseConfig(setCategory, { category: 'after_sales' }))).toEqual({
      patch: { category: 'after_sales', subcategory: null },
    });
    expect(await setStatus.run(ctx, parseConfig(setStatus, { status: 'resolved' }))).toEqual({ patch: { status: 'resolved' } });
  });

  it('refuse values outside the vocabulary and names with spaces or dots', () => {
    expect(setPriority.config.safeParse({ priority: 'low' }).success).toBe(false);
    expect(setStatus.config.safeParse({ status: 'done' }).success).toBe(false);
    expect(setCategory.config.safeParse({ category: 'after sales' }).success).toBe(false);
    expect(setCategory.config.safeParse({ category: '售后' }).success).toBe(true);
    expect(setCategory.config.safeParse({ category: 'fault', subcategory: 'login failure' }).success).toBe(false);
  });
});

describe('set_category with two levels (issue 21 part 5)', () => {
  const fault = createTestContext({ ticket: { category: 'fault', subcategory: 'login_failure' } });

  it('sets the level two beside the level one', async () => {
    const config = parseConfig(setCategory, { category: 'fault', subcategory: 'data_error' });
    expect(await setCategory.run(createTestContext(), config)).toEqual({ patch: { category: 'fault', subcategory: 'data_error' } });
    expect(setCategory.summary?.(config, 'en')).toBe('→ fault / data_error');
  });

  it('without a level two, keeps the one the ticket has under the same level one and clears it under another', async () => {
    expect(await setCategory.run(fault, parseConfig(setCategory, { category: 'fault' }))).toEqual({
      patch: { category: 'fault', subcategory: 'login_failure' },
    });
    expect(await setCategory.run(fault, parseConfig(setCategory, { category: 'complaint' }))).toEqual({
      patch: { category: 'complaint', subcategory: null },
    });
  });
});

describe('add_tag', () => {
  it('adds a tag once', async () => {
    const config = parseConfig(addTag, { tag: 'sla_breached' });
    expect(await addTag.run(createTestContext({ ticket: { tags: ['vip'] } }), config)).toEqual({
      patch: { tags: ['vip', 'sla_breached'] },
    });
    expect(await addTag.run(createTestContext({ ticket: { tags: ['sla_breached', 'vip'] } }), config)).toEqual({
      patch: { tags: ['sla_breached', 'vip'] },
    });
  });
});

describe('flag', () => {
  it('adds a flag once', async () => {
    const config = parseConfig(flag, { flag: 'abnormal' });
    expect((await flag.run(createTestContext(), config)).patch).toEqual({ flags: ['abnormal'] });
    expect((await flag.run(createTestContext({ ticket: { flags: ['abnormal'] } }), config)).patch).toEqual({ flags: ['abnormal'] });
  });
});

describe('transfer', () => {
  it('moves the ticket to the group and clears the assignee', async () => {
    const ctx = createTestContext({ ticket: { group: 'pre_sales', assignee: 'a-li' } });
    expect(await transfer.run(ctx, parseConfig(transfer, { group: 'tech_support' }))).toEqual({
      patch: { group: 'tech_support', assignee: null },
    });
  });
});

describe('escalate', () => {
  it('raises the level to the supervisor by default', async () => {
    const result = await escalate.run(createTestContext(), parseConfig(escalate, {}));
    expect(result).toEqual({ params: { level: 1, to: 'supervisor' }, patch: { escalationLevel: 1 } });
  });

  it('records the reason when given', async () => {
    const result = await escalate.run(createTestContext(), parseConfig(escalate, { level: 2, reason: 'SLA 超时' }));
    expect(result.params).toEqual({ level: 2, to: 'supervisor', reason: 'SLA 超时' });
  });

  it('never lowers the level', async () => {
    const ctx = createTestContext({ ticket: { escalationLevel: 2 } });
    const result = await escalate.run(ctx, parseConfig(escalate, { level: 1 }));
    expect(result.patch).toEqual({ escalationLevel: 2 });
  });

  it('accepts levels 1 to 3 only', () => {
    expect(escalate.config.safeParse({ level: 0 }).success).toBe(false);
    expect(escalate.config.safeParse({ level: 4 }).success).toBe(false);
  });
});

describe('handoff', () => {
  it('tags the ticket for a human and keeps its group', async () => {
    const result = await handoff.run(createTestContext({ ticket: { group: 'pre_sales' } }), parseConfig(handoff, {}));
    expect(result).toEqual({ params: { group: 'pre_sales' }, patch: { tags: ['human_handoff'] } });
  });

  it('moves the ticket to the named group, tagging it once', async () => {
    const ctx = createTestContext({ ticket: { group: 'pre_sales', tags: ['human_handoff'] } });
    const result = await handoff.run(ctx, parseConfig(handoff, { group: 'after_sales' }));
    expect(result).toEqual({ params: { group: 'after_sales' }, patch: { group: 'after_sales', tags: ['human_handoff'] } });
  });
});
