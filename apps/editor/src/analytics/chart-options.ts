import type { AnalyticsOverview } from '@switchyard/api';
import type { ChartOption } from './echart';

const COLOURS = ['#2563eb', '#16a34a', '#f59e0b', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

/** Tickets created per day: a bar per day. */
export function volumeByDay(o: AnalyticsOverview, name: string): ChartOption {
  return {
    color: COLOURS,
    tooltip: { trigger: 'axis' },
    grid: { left: 40, right: 16, top: 16, bottom: 28 },
    xAxis: { type: 'category', data: o.byDay.map((d) => d.day.slice(5)) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name, type: 'bar', data: o.byDay.map((d) => d.count) }],
  };
}

/** A share chart (status, category, channel): a ring with a legend, each key named in the reader's words. */
export function shareRing(rows: AnalyticsOverview['byStatus'], label: (key: string) => string): ChartOption {
  return {
    color: COLOURS,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { orient: 'vertical', right: 0, top: 'middle' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '75%'],
        center: ['35%', '50%'],
        label: { show: false },
        data: rows.map((r) => ({ name: label(r.key), value: r.count })),
      },
    ],
  };
}
