import type { CatalogEntry } from '@switchyard/api';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useMemo, useState } from 'react';
import { api } from '../api/api-client';
import { LoadError } from '../auth/load-error';
import { type CanvasDecorations, FlowCanvas } from '../editor/flow-canvas';
import { useI18n } from '../i18n/i18n-context';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/auto-layout';
import { focusNodes, focusViewport, type TracedFlow, traceOverlay } from '../model/trace-view';
import { routeHash } from '../use-hash-route';
import { useLoad } from '../use-load';
import { TraceOverlayContext } from './trace-overlay-context';
import { TraceStepList } from './trace-step-list';

async function loadTrace(ticketId: string) {
  const [ticket, trace, catalog] = await Promise.all([api.getTicket(ticketId), api.trace(ticketId), api.nodes()]);
  return { ticket, trace, catalog };
}

/** The flow a trace page opens on: the one named, else the first that moved on the ticket, else the first. */
function chosenFlow(flows: readonly TracedFlow[], flowId: string | undefined): TracedFlow | undefined {
  return flows.find((f) => f.flowId === flowId) ?? flows.find((f) => f.steps.length > 0) ?? flows[0];
}

/**
 * A ticket's trace on its flows' canvas (`#/tickets/<id>/trace/<flowId>`): one tab per flow the
 * ticket is bound to; the version it ran drawn read-only with the path lit, each node showing what
 * it decided (answer and inputs), the resting node and its timers marked; the steps listed beside it.
 */
export function TracePage({ ticketId, flowId }: { ticketId: string; flowId?: string | undefined }) {
  const { t } = useI18n();
  const [state, reload] = useLoad(() => loadTrace(ticketId));
  if (state.status === 'loading') return <p className="page-message">{t('app.loading')}</p>;
  if (state.status === 'error') return <LoadError error={state.error} onRetry={reload} />;
  const { ticket, trace, catalog } = state.data;
  const flow = chosenFlow(trace.flows, flowId);
  return (
    <div className="trace-page" data-testid="trace-page">
      <header className="trace-header">
        <h2 className="page-title">
          <a href={routeHash({ page: 'ticket', id: ticketId })} data-testid="trace-back">
            {t('trace.back')}
          </a>{' '}
          / {t('trace.title', { number: ticket.number })}
        </h2>
        <nav className="tabs trace-flow-tabs" aria-label={t('trace.flows')}>
          {trace.flows.map((f) => (
            <a
              key={f.flowId}
              href={routeHash({ page: 'trace', ticketId, flowId: f.flowId })}
              aria-current={f.flowId === flow?.flowId ? 'page' : undefined}
              data-testid={`trace-flow-${f.flowId}`}
              className={f.steps.length ? 'moved' : 'still'}
            >
              {f.flowId} <span className="muted small">v{f.version}</span>
            </a>
          ))}
        </nav>
      </header>
      {flow ? (
        <TracedFlowView key={`${flow.flowId}@${flow.version}`} flow={flow} catalog={catalog} />
      ) : (
        <p className="page-message">{t('trace.noSteps')}</p>
      )}
    </div>
  );
}

/** One flow's trace: loads the version the ticket ran and draws it with the trace over it. */
function TracedFlowView({ flow, catalog }: { flow: TracedFlow; catalog: readonly CatalogEntry[] }) {
  const { t } = useI18n();
  const [state, reload] = useLoad(() => api.getVersion(flow.flowId, flow.version));
  const catalogByType = useMemo(() => new Map(catalog.map((e) => [e.type, e])), [catalog]);
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const doc = state.status === 'done' ? state.data.document : undefined;
  const overlay = useMemo(() => (doc ? traceOverlay(flow, doc) : undefined), [flow, doc]);
  const decorations = useMemo<CanvasDecorations>(
    () => (overlay ? { visitedNodes: overlay.visitedNodes, visitedEdges: overlay.visitedEdges } : {}),
    [overlay],
  );
  const openAt = useCallback(
    (canvas: { width: number; height: number }) =>
      doc && overlay ? focusViewport(doc, focusNodes(overlay), canvas, { width: NODE_WIDTH, height: NODE_HEIGHT }) : undefined,
    [doc, overlay],
  );
  if (state.status === 'loading') return <p className="page-message">{t('app.loading')}</p>;
  if (state.status === 'error' || !doc || !overlay) {
    const message = state.status === 'error' ? state.error.message : '';
    return (
      <div>
        <p className="page-message error">{t('trace.versionGone', { version: flow.version, message })}</p>
        <button type="button" onClick={reload}>
          ↻
        </button>
      </div>
    );
  }
  const titleOf = (node: string) => doc.nodes.find((n) => n.id === node)?.label ?? node;
  return (
    <div className="trace-body" data-testid="trace-canvas" data-flow-id={flow.flowId}>
      <TraceOverlayContext.Provider value={overlay.marks}>
        <ReactFlowProvider>
          <FlowCanvas
            doc={doc}
            catalog={catalogByType}
            selection={selection}
            decorations={decorations}
            onSelect={setSelection}
            openAt={openAt}
          />
        </ReactFlowProvider>
      </TraceOverlayContext.Provider>
      <aside className="side-panel trace-side">
        <p className="trace-rest" data-testid="trace-rest">
          {t('trace.version', { version: flow.version })} ·{' '}
          {flow.node === null ? t('trace.idle') : t('trace.restsIn', { node: titleOf(flow.node) })}
        </p>
        <TraceStepList flow={flow} titleOf={titleOf} selected={selection} onPick={(node) => setSelection(new Set([node]))} />
      </aside>
    </div>
  );
}
