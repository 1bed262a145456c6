import type { TicketTrace } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { countdown } from '../model/console-text';
import { routeHash } from '../use-hash-route';

/** Each flow bound to the ticket: version, resting node, pending timers, and the path with each condition's answer and inputs. */
export function TracePanel({ trace, now, ticketId }: { trace: TicketTrace; now: number; ticketId: string }) {
  const { t } = useI18n();
  return (
    <section data-testid="trace-panel">
      <h3>{t('console.flows')}</h3>
      {trace.flows.map((flow) => (
        <details key={flow.flowId} className="trace-flow" open={flow.node !== null}>
          <summary>
            {flow.flowId} v{flow.version} · {flow.node === null ? t('console.idle') : t('console.restsIn', { node: flow.node })}{' '}
            <a href={`#/flows/${encodeURIComponent(flow.flowId)}`} data-testid={`open-flow-${flow.flowId}`}>
              {t('console.openFlow')}
            </a>{' '}
            <a href={routeHash({ page: 'trace', ticketId, flowId: flow.flowId })} data-testid={`trace-canvas-${flow.flowId}`}>
              {t('trace.showOnCanvas')}
            </a>
          </summary>
          {flow.timers.map((timer) => (
            <p key={timer.node} className="countdown small">
              ⏱ {timer.node} ({timer.event}): {countdown(timer.dueAt, now)}
            </p>
          ))}
          <ol className="trace-steps">
            {flow.steps.map((s, i) => (
              <li key={i} className={`trace-step trace-${s.type}`}>
                <span className="muted small">{new Date(s.at).toLocaleTimeString()}</span> {s.node} <em>{s.type}</em>
                {s.answer !== undefined && <strong> → {s.answer}</strong>}
                {s.inputs && <code className="small"> {JSON.stringify(s.inputs)}</code>}
              </li>
            ))}
          </ol>
        </details>
      ))}
    </section>
  );
}
