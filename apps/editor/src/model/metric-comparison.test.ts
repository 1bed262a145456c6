import { describe, expect, it } from 'vitest';
import type { FlowMetrics, MetricDifference } from '@switchyard/api';
import { comparisonRows } from './metric-comparison';

const version = (v: number, role: 'stable' | 'candidate', errors: number) => ({
  version: v,
  role,
  ticketsBound: 200,
  completed: 150,
  errors,
  slaBreaches: 4,
  escalations: 2,
  firstResponseMedianMs: 300_000,
  resolutionMedianMs: null,
  csat: { responses: 12, average: 4.5, satisfiedPercent: 90 },
  rates: { completion: 75, error: errors / 2, slaBreach: 2, escalation: 1 },
});
const difference = (metric: string, unit: MetricDifference['unit']): MetricDifference => ({
  metric,
  unit,
  stable: 1,
  candidate: 5,
  difference: 4,
  low: 1,
  high: 7,
  pValue: 0.01,
  method: 'two-proportion z-test',
  significant: true,
  better: false,
});

describe('comparisonRows', () => {
  it('puts stable and candidate side by side per metric with the matching difference', () => {
    const metrics: FlowMetrics = {
      flowId: 'intake',
      at: '2026-05-01T10:00:00.000Z',
      versions: [version(1, 'stable', 2), version(2, 'candidate', 10)],
      comparison: { stable: 1, candidate: 2, differences: [difference('errorRate', 'points'), difference('reopenRate', 'points')] },
    };
    const { stable, candidate, rows } = comparisonRows(metrics, 'en');
    expect([stable, candidate]).toEqual([1, 2]);
    const errors = rows.find((r) => r.key === 'errors')!;
    expect(errors).toMatchObject({ label: 'rollout.metric.errors', stable: '2 (1%)', candidate: '10 (5%)' });
    expect(errors.difference?.metric).toBe('errorRate');
    expect(rows.find((r) => r.key === 'ticketsBound')).toMatchObject({ stable: '200', candidate: '200', difference: null });
    expect(rows.find((r) => r.key === 'firstResponse')).toMatchObject({ stable: '5 min' });
    expect(rows.find((r) => r.key === 'resolution')).toMatchObject({ stable: '—' });
    // A metric this editor does not know still shows, under its server name.
    expect(rows.at(-1)).toMatchObject({ key: 'reopenRate', label: null, stable: '1%', candidate: '5%' });
  });

  it('shows stable alone when there is no candidate', () => {
    const { candidate, rows } = comparisonRows(
      { flowId: 'intake', at: '2026-05-01T10:00:00.000Z', versions: [version(1, 'stable', 2)], comparison: null },
      'en',
    );
    expect(candidate).toBeNull();
    expect(rows[0]).toMatchObject({ stable: '200', candidate: '—', difference: null });
  });
});
