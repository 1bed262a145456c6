import { Priority } from '@switchyard/flow';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from './define-node';

const title = { en: 'Test', 'zh-CN': '测试' };

describe('defineNode', () => {
  it('gives each kind its ports', () => {
    const trigger = defineNode({ type: 't', kind: 'trigger', event: 'ticket.created', title, config: z.strictObject({}) });
    const condition = defineNode({ type: 'c', kind: 'condition', title, config: z.strictObject({}), evaluate: () => true });
    const action = defineNode({ type: 'a', kind: 'action', title, config: z.strictObject({}), run: () => ({}) });
    const delay = defineNode({ type: 'd', kind: 'wait', title, config: z.strictObject({}), delayMs: () => 1_000 });
    const end = defineNode({ type: 'e', kind: 'end', title, config: z.strictObject({}) });
    expect(trigger.ports({})).toEqual(['next']);
    expect(condition.ports({})).toEqual(['true', 'false']);
    expect(action.ports({})).toEqual(['next', 'error']);
    expect(delay.ports({})).toEqual(['next']);
    expect(end.ports({})).toEqual([]);
  });

  it('gives a wait with an event the ports "event" and "timeout", read from its config', () => {
    const wait = defineNode({
      type: 'w',
      kind: 'wait',
      title,
      config: z.strictObject({ event: z.literal('agent.reply').optional() }),
      event: (config) => config.event,
      delayMs: () => 1_000,
    });
    expect(wait.ports({ event: 'agent.reply' })).toEqual(['event', 'timeout']);
    expect(wait.ports({})).toEqual(['next']);
  });

  it('lets a condition choose its own branches from its config', () => {
    const router = defineNode({
      type: 'route_by_category',
      kind: 'condition',
      title,
      config: z.strictObject({ cases: z.array(z.string()) }),
      ports: (config) => [...config.cases, 'else'],
      evaluate: (ctx, config) => config.cases.find((c) => c === ctx.ticket.category) ?? 'else',
    });
    expect(router.ports({ cases: ['billing', 'logistics'] })).toEqual(['billing', 'logistics', 'else']);
  });

  it('defaults the version to 1 and keeps an explicit one', () => {
    const v1 = defineNode({ type: 'v', kind: 'end', title, config: z.strictObject({}) });
    const v3 = defineNode({ type: 'v', kind: 'end', version: 3, title, config: z.strictObject({}) });
    expect([v1.version, v3.version]).toEqual([1, 3]);
  });

  it('refuses a type name that is not snake_case, naming it', () => {
    for (const type of ['SetPriority', 'set-priority', 'billing.', '1st', 'Billing.Suspend']) {
      expect(() => defineNode({ type, kind: 'end', title, config: z.strictObject({}) })).toThrow(`node type "${type}"`);
    }
    expect(defineNode({ type: 'billing.suspend', kind: 'end', title, config: z.strictObject({}) }).type).toBe('billing.suspend');
  });

  it('refuses a version that is not a positive integer', () => {
    expect(() => defineNode({ type: 'v', kind: 'end', version: 0, title, config: z.strictObject({}) })).toThrow('version');
    expect(() => defineNode({ type: 'v', kind: 'end', version: 1.5, title, config: z.strictObject({}) })).toThrow('version');
  });

  it('infers the config type from the schema, defaults applied', () => {
    const setPriority = defineNode({
      type: 'set_priority',
      kind: 'action',
      title,
      config: z.strictObject({ priority: Priority, note: z.string().default('') }),
      run: (_ctx, config) => {
        expectTypeOf(config).toEqualTypeOf<{ priority: 'urgent' | 'high' | 'normal'; note: string }>();
        return { patch: { priority: config.priority } };
      },
    });
    expectTypeOf(setPriority.config).toEqualTypeOf<
      z.ZodObject<{ priority: typeof Priority; note: z.ZodDefault<z.ZodString> }, z.core.$strict>
    >();
  });

  it('does not compile a run that reads a field the schema lacks', () => {
    defineNode({
      type: 'set_priority',
      kind: 'action',
      title,
      config: z.strictObject({ priority: Priority }),
      // @ts-expect-error: the schema has no `level`
      run: (_ctx, config) => ({ params: { level: config.level } }),
    });
  });

  it('does not compile a patch of the wrong type or a condition that returns a number', () => {
    const config = z.strictObject({ priority: z.string() });
    // @ts-expect-error: any string is not a Priority
    defineNode({ type: 'set_priority', kind: 'action', title, config, run: (_ctx, c) => ({ patch: { priority: c.priority } }) });
    // The same node with a Priority compiles:
    defineNode({
      type: 'set_priority',
      kind: 'action',
      title,
      config,
      run: (_ctx, c) => ({ patch: { priority: Priority.parse(c.priority) } }),
    });
    // @ts-expect-error: a branch is a boolean or a port name
    defineNode({ type: 'count', kind: 'condition', title, config: z.strictObject({}), evaluate: () => 1 });
  });

  it('does not compile a trigger on an event outside the vocabulary', () => {
    // @ts-expect-error: "ticket.deleted" is not a ticket event
    defineNode({ type: 'deleted', kind: 'trigger', event: 'ticket.deleted', title, config: z.strictObject({}) });
  });
});
