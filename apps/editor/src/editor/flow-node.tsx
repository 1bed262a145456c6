import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useNodeOverlay } from '../analytics/overlay-context';
import { useI18n } from '../i18n/i18n-context';
import type { CanvasNode } from '../model/flow-to-canvas';
import { NodeIcon } from './node-icon';
import { portLabel } from './port-label';

/**
 * A flow node on the canvas, drawn top to bottom as the layout lays flows out: the input on top,
 * kind by colour and icon, title, one-line config summary, and the output ports along the bottom
 * edge in port order. An unwired ending port (false, timeout, error) hangs a small end marker.
 * Zoomed out, the canvas hides the details and shows `far-label`: the title alone, drawn large
 * enough to read (its size follows the zoom through the `--zoom` variable the canvas sets).
 */
export const FlowNodeView = memo(function FlowNodeView({ data, selected }: NodeProps<CanvasNode>) {
  const { locale, t } = useI18n();
  const classes = ['flow-node', `kind-${data.kind ?? 'unknown'}`];
  if (selected) classes.push('selected');
  if (data.diff) classes.push(`diff-${data.diff}`);
  if (data.visits) classes.push('visited');
  if (data.pathSide) classes.push(`path-${data.pathSide}`);
  if (data.problems.length) classes.push('has-problems');
  const figures = useNodeOverlay(data.node.id);
  if (data.failures) classes.push('has-failures');
  return (
    <div
      className={classes.join(' ')}
      data-testid="flow-node"
      data-node-id={data.node.id}
      data-kind={data.kind ?? 'unknown'}
      data-path={data.pathSide}
      style={figures ? { boxShadow: `0 0 0 3px ${figures.heat}` } : undefined}
    >
      {figures && (
        <span className="analytics-badge" data-testid="analytics-badge" style={{ background: figures.heat }}>
          {figures.badge}
        </span>
      )}
      {data.hasInput && <Handle type="target" position={Position.Top} className="target-handle" />}
      <div className="flow-node-header">
        <NodeIcon name={data.icon} kind={data.kind} />
        <span className="flow-node-title" title={data.title} data-testid="node-title">
          {data.title}
        </span>
        {data.problems.length > 0 && (
          <span
            className="problem-badge"
            data-testid="problem-badge"
            title={data.problems.join('\n')}
            aria-label={t('canvas.problem', { count: data.problems.length })}
          >
            {data.problems.length}
          </span>
        )}
        {data.failures !== undefined && (
          <span className="failure-badge" data-testid="failure-badge" title={t('failures.nodeBadge', { count: data.failures })}>
            {t('failures.failedLink', { count: data.failures })}
          </span>
        )}
        {data.diff && <span className={`diff-badge ${data.diff}`}>{t(`diff.${data.diff}`)}</span>}
      </div>
      <div className="flow-node-summary" title={data.summary}>
        {data.summary || '\u00a0'}
      </div>
      {data.ports.length > 0 && (
        <div className="flow-node-ports" style={{ gridTemplateColumns: `repeat(${data.ports.length}, minmax(0, 1fr))` }}>
          {data.ports.map((port) => (
            <div key={port} className={`port port-${port}`}>
              <span className="port-label">
                {portLabel(port, locale)}
                {data.branches?.[port] !== undefined && <span className="port-count">{data.branches[port]}</span>}
              </span>
              <Handle type="source" position={Position.Bottom} id={port} className={`source-handle handle-${port}`} data-port={port} />
              {data.implicitEnds.includes(port) && (
                <span className="implicit-end" data-testid="implicit-end" data-port={port} title={t('canvas.implicitEndHint')}>
                  {t('canvas.implicitEnd')}
                </span>
              )}
            </div>
          ))}
        </div>
      )}
      <div className="far-label" aria-hidden data-testid="far-label">
        <span>{data.title}</span>
      </div>
    </div>
  );
});
