import { AgentAction, type AgentActionKind } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { createTestContext, parseConfig } from '../testing/node-test-context';
import { agentActionTrigger } from './agent-action-trigger';

const action = (kind: AgentActionKind) =>
  AgentAction.parse({
    type: 'agent.action',
    action: kind,
    by: 'li.na@example.com',
    group: 'after_sales',
    assignee: null,
    escalationLevel: 0,
  });

describe('agent_action (issue 18: a flow started by what an agent does)', () => {
  it('starts on agent.action events and leaves through "next"', () => {
    expect([agentActionTrigger.type, agentActionTrigger.kind, agentActionTrigger.event]).toEqual([
      'agent_action',
      'trigger',
      'agent.action',
    ]);
    expect(agentActionTrigger.ports({})).toEqual(['next']);
  });

  it('matches only the chosen actions; with none chosen, every action', () => {
    const chosen = parseConfig(agentActionTrigger, { actions: ['transfer', 'escalate'] });
    const on = (kind: AgentActionKind, config = chosen) => agentActionTrigger.matches?.(createTestContext({ event: action(kind) }), config);
    expect([on('transfer'), on('escalate'), on('take'), on('note'), on('release'), on('step-in')]).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
    const any = parseConfig(agentActionTrigger, {});
    expect([on('take', any), on('step-in', any)]).toEqual([true, true]);
  });

  it('refuses an unknown action and an empty list', () => {
    expect(agentActionTrigger.config.safeParse({ actions: ['reply'] }).success).toBe(false);
    expect(agentActionTrigger.config.safeParse({ actions: [] }).success).toBe(false);
  });

  it('summarises in both languages', () => {
    const config = parseConfig(agentActionTrigger, { actions: ['transfer', 'step-in'] });
    expect(agentActionTrigger.summary?.(config, 'en')).toBe('Transfer, Supervisor steps in');
    expect(agentActionTrigger.summary?.(config, 'zh-CN')).toBe('转派、主管介入');
    expect(agentActionTrigger.summary?.(parseConfig(agentActionTrigger, {}), 'zh-CN')).toBe('任意操作');
  });
});
