import type { EffectView, FlowErrorView } from '@switchyard/api';
import { describe, expect, it } from 'vitest';
import { failuresByFlow, failuresByNode, mergeFailures, unseenFailures } from './failures';

const dead = (id: string, ticketId: string, nodeId: string, doneAt: string): EffectView => ({
  id,
  ticketId,
  flowId: 'sla',
  version: 2,
  nodeId,
  idempotencyKey: `k${id}`,
  status: 'dead',
  attempts: 5,
  lastError: 'HTTP 503',
  nextAttemptAt: doneAt,
  createdAt: '2026-05-01T08:00:00.000Z',
  doneAt,
});
const error = (id: string, ticketId: string, flowId: string, nodeId: string | null, at: string): FlowErrorView => ({
  id,
  ticketId,
  flowId,
  nodeId,
  message: '表达式出错',
  at,
});

describe('failures', () => {
  const list = mergeFailures(
    [dead('7', 't1', 'notify-erp', '2026-05-01T09:00:00.000Z')],
    [
      // The same failure seen from the flow: listed once, as the dead effect.
      error('40', 't1', 'sla', 'notify-erp', '2026-05-01T09:00:00.000Z'),
      error('41', 't2', 'sla', 'check', '2026-05-01T10:00:00.000Z'),
      error('42', 't3', 'intake', null, '2026-05-01T08:30:00.000Z'),
    ],
  );

  it('merges dead effects and flow errors newest first, a dead effect’s own flow error once', () => {
    expect(list.map((f) => [f.kind, f.ticketId, f.nodeId])).toEqual([
      ['error', 't2', 'check'],
      ['dead', 't1', 'notify-erp'],
      ['error', 't3', null],
    ]);
    expect(list[1]).toMatchObject({ message: 'HTTP 503', attempts: 5, at: '2026-05-01T09:00:00.000Z' });
  });

  it('counts them per node of a flow and per flow', () => {
    expect([...failuresByNode(list, 'sla')]).toEqual([
      ['check', 1],
      ['notify-erp', 1],
    ]);
    expect(Object.fromEntries(failuresByFlow(list))).toEqual({ sla: 2, intake: 1 });
  });

  it('says which arrived since the user last looked', () => {
    expect(unseenFailures(list, null)).toHaveLength(3);
    expect(unseenFailures(list, '2026-05-01T09:00:00.000Z').map((f) => f.ticketId)).toEqual(['t2']);
  });
});
