import type { FlowAnalytics } from '@switchyard/api';
import { describe, expect, it } from 'vitest';
import { comparedOverlayOf, daysBefore, heatColour, isoWeekOf, lastDays, overlayOf, percent } from './analytics-figures';

describe('analytics figures', () => {
  it('formats rates and periods', () => {
    expect(percent(2 / 3)).toBe('66.7%');
    expect(percent(null)).toBe('—');
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(lastDays('2026-12-06', 30)).toEqual({ from: '2026-11-07', to: '2026-12-06' });
  });

  it('names the ISO week of a day, across year ends', () => {
    expect(isoWeekOf('2026-12-06')).toBe('2026-W49');
    expect(isoWeekOf('2026-05-01')).toBe('2026-W18');
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(isoWeekOf('2025-12-29')).toBe('2026-W01');
  });

  it('draws edges wider and nodes hotter the more tickets pass', () => {
    const node = (id: string, entered: number) => ({
      id,
      kind: 'action',
      type: 'assign',
      entered,
      errors: 0,
      deadLettered: 0,
      wait: null,
      routed: 0,
      misroutes: 0,
      misrouteRate: null,
      categorized: 0,
      corrections: 0,
      accuracy: null,
      handoffs: 0,
      escalations: 0,
    });
    const figures: FlowAnalytics = {
      flowId: 'f',
      from: '2026-12-01',
      to: '2026-12-06',
      version: null,
      versions: [1],
      tickets: 4,
      handoffsPer100: null,
      escalationsPer100: null,
      nodes: [node('a', 4), node('b', 1)],
      edges: [
        { id: 'e1', source: 'a', target: 'b', count: 1, share: 0.25 },
        { id: 'e2', source: 'a', target: 'c', count: 3, share: 0.75 },
      ],
    };
    const overlay = overlayOf(figures, 'en');
    expect(overlay.edges.get('e1')).toEqual({ label: '1 · 25.0%', width: 3.5 });
    expect(overlay.edges.get('e2')?.width).toBe(7.5);
    expect(overlay.nodes.get('a')?.heat).toBe(heatColour(4, 4));
    expect(heatColour(0, 4)).toBe('hsl(210 80% 50%)');
    expect(heatColour(4, 4)).toBe('hsl(0 80% 50%)');

    // Two versions side by side: each label names both, a node or edge one version lacks shows a dash there.
    const before: FlowAnalytics = {
      ...figures,
      version: 1,
      nodes: [node('a', 2)],
      edges: [{ id: 'e1', source: 'a', target: 'b', count: 2, share: 1 }],
    };
    const compared = comparedOverlayOf({ ...figures, version: 2 }, before, 'en');
    expect(compared.nodes.get('a')?.badge).toBe('v2 4 | v1 2');
    expect(compared.nodes.get('b')?.badge).toBe('v2 1 | v1 —');
    expect(compared.edges.get('e1')).toEqual({ label: 'v2 1 · 25.0% | v1 2', width: 3.5 });
    expect(compared.edges.get('e2')?.label).toBe('v2 3 · 75.0% | v1 —');
  });
});
