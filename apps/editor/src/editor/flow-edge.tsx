import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath } from '@xyflow/react';
import { memo } from 'react';
import type { CanvasEdge } from '../model/flow-to-canvas';

/** An edge, coloured by its port; a dry-run count or a problem badge sits at its middle. */
export const FlowEdgeView = memo(function FlowEdgeView(props: EdgeProps<CanvasEdge>) {
  const { id, data, selected, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const classes = ['flow-edge', `port-${data?.port ?? 'next'}`];
  if (selected) classes.push('selected');
  if (data?.visited) classes.push('visited');
  if (data?.diff) classes.push(`diff-${data.diff}`);
  if (data?.problems.length) classes.push('has-problems');
  const badge = data?.problems.length || data?.count !== undefined;
  return (
    <>
      <BaseEdge id={id} path={path} className={classes.join(' ')} {...(markerEnd ? { markerEnd } : {})} />
      {badge && (
        <EdgeLabelRenderer>
          <div className="edge-label" style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }} data-edge-id={id}>
            {data?.count !== undefined && <span className="edge-count">{data.count}</span>}
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
