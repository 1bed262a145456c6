import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import { useEdgeOverlay } from '../analytics/overlay-context';
import type { Point } from '../model/auto-layout';
import type { CanvasEdge } from '../model/flow-to-canvas';

/** Corners of a routed edge are rounded by this much (flow pixels), as React Flow's step edges are. */
const CORNER = 8;

/** An SVG path through a route's points, each corner rounded; and the middle of its longest leg, for a badge. */
export function routedPath(points: readonly Point[]): [path: string, labelX: number, labelY: number] {
  const first = points[0];
  if (!first) return ['', 0, 0];
  let path = `M ${first.x} ${first.y}`;
  let label = first;
  let longest = -1;
  for (let i = 1; i < points.length; i += 1) {
    const from = points[i - 1] ?? first;
    const at = points[i] ?? first;
    const next = points[i + 1];
    const length = Math.hypot(at.x - from.x, at.y - from.y);
    if (length > longest) {
      longest = length;
      label = { x: (from.x + at.x) / 2, y: (from.y + at.y) / 2 };
    }
    if (!next) {
      path += ` L ${at.x} ${at.y}`;
      break;
    }
    const radius = Math.min(CORNER, length / 2, Math.hypot(next.x - at.x, next.y - at.y) / 2);
    const before = { x: at.x - (Math.sign(at.x - from.x) * radius || 0), y: at.y - (Math.sign(at.y - from.y) * radius || 0) };
    const after = { x: at.x + (Math.sign(next.x - at.x) * radius || 0), y: at.y + (Math.sign(next.y - at.y) * radius || 0) };
    path += ` L ${before.x} ${before.y} Q ${at.x} ${at.y} ${after.x} ${after.y}`;
  }
  return [path, label.x, label.y];
}

/**
 * An edge, coloured by its port: along the route the layout gave it (around the nodes) while its
 * nodes stay where the layout put them, else a stepped path; a dry-run count or a problem badge sits at its middle.
 */
export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<CanvasEdge>) {
  const { id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd } = props;
  const route = data?.route;
  const [path, labelX, labelY] =
    route && route.length >= 2
      ? routedPath([{ x: sourceX, y: sourceY }, ...route.slice(1, -1), { x: targetX, y: targetY }])
      : getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: CORNER, offset: 16 });
  const classes = ['flow-edge', `port-${data?.port ?? 'next'}`];
  if (selected) classes.push('selected');
  if (data?.visited) classes.push('visited');
  if (data?.pathSide) classes.push(`path-${data.pathSide}`);
  if (data?.diff) classes.push(`diff-${data.diff}`);
  if (data?.problems.length) classes.push('has-problems');
  const figures = useEdgeOverlay(id);
  const badge = data?.problems.length || data?.count !== undefined || figures !== undefined;
  return (
    <>
      <BaseEdge
        id={id}
        path={path}
        className={classes.join(' ')}
        {...(markerEnd ? { markerEnd } : {})}
        {...(figures ? { style: { strokeWidth: figures.width } } : {})}
      />
      {badge && (
        <EdgeLabelRenderer>
          <div className="edge-label" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-edge-id={id}>
            {data?.count !== undefined && <span className="edge-count">{data.count}</span>}
            {figures && (
              <span className="edge-count" data-testid="analytics-edge-label">
                {figures.label}
              </span>
            )}
            {data?.problems.length ? (
              <span className="problem-badge" data-testid="edge-problem-badge" title={data.problems.join('\n')}>
                !
              </span>
            ) : null}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
});
