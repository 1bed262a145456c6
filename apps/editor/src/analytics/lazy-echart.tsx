import { lazy, Suspense } from 'react';
import type { ChartOption } from './echart';

// ECharts (about a quarter of the editor's script) loads with the dashboard, not with every page.
const EChart = lazy(() => import('./echart').then((module) => ({ default: module.EChart })));

/** An ECharts chart behind a Suspense boundary: an empty box of the chart's height shows until its chunk has loaded. */
export function LazyEChart({ option, height = 220, testId }: { option: ChartOption; height?: number; testId?: string }) {
  return (
    <Suspense fallback={<div className="echart" style={{ height }} />}>
      <EChart option={option} height={height} {...(testId ? { testId } : {})} />
    </Suspense>
  );
}
