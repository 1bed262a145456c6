import { describe, expect, it } from 'vitest';
import type { OpsNotification } from '@switchyard/api';
import { notificationBadge, seenUpTo, unseenNotifications, unseenRollbacks } from './ops-notifications';

const note = (id: string, at: string, kind: string, flowId: string | null = 'intake'): OpsNotification => ({
  id,
  at,
  kind,
  flowId,
  message: { en: `${kind} ${id}`, 'zh-CN': `${kind} ${id} 中文` },
  detail: {},
  deliveredAt: null,
});
const ramp = note('1', '2026-05-01T09:00:00.000Z', 'rollout.ramp_completed');
const tripped = note('2', '2026-05-01T10:00:00.000Z', 'rollout.guardrail_tripped');
const trippedAgain = note('3', '2026-05-01T11:00:00.000Z', 'rollout.guardrail_tripped');
const otherFlow = note('4', '2026-05-01T10:30:00.000Z', 'rollout.guardrail_tripped', 'refunds');
const all = [trippedAgain, otherFlow, tripped, ramp];

describe('notificationBadge', () => {
  it('counts every notification before the first look, and alerts on a rollback', () => {
    expect(notificationBadge(all, null)).toEqual({ unseen: 4, alert: true });
  });

  it('counts only what came after the last look; a finished ramp alone is no alert', () => {
    expect(notificationBadge([ramp], null)).toEqual({ unseen: 1, alert: false });
    expect(notificationBadge(all, '2026-05-01T10:30:00.000Z')).toEqual({ unseen: 1, alert: true });
    expect(notificationBadge(all, '2026-05-01T11:00:00.000Z')).toEqual({ unseen: 0, alert: false });
  });
});

describe('seenUpTo', () => {
  it("moves to the newest notification's instant, never back", () => {
    expect(seenUpTo(all, null)).toBe('2026-05-01T11:00:00.000Z');
    expect(seenUpTo([ramp], '2026-05-01T10:00:00.000Z')).toBe('2026-05-01T10:00:00.000Z');
    expect(seenUpTo([], null)).toBeNull();
  });
});

describe('unseenRollbacks', () => {
  it('keeps the latest unseen rollback of each flow, newest first', () => {
    expect(unseenRollbacks(all, null).map((n) => n.id)).toEqual(['3', '4']);
    expect(unseenRollbacks(all, '2026-05-01T10:45:00.000Z').map((n) => n.id)).toEqual(['3']);
  });

  it('lists nothing unseen twice', () => {
    expect(unseenNotifications(all, '2026-05-01T09:00:00.000Z').map((n) => n.id)).toEqual(['3', '4', '2']);
  });
});
