import { useI18n } from '../i18n/i18n-context';
import { type Failure, shortTicket } from '../model/failures';
import { routeHash } from '../use-hash-route';

interface FailuresListProps {
  readonly failures: readonly Failure[];
  /** A node's label by flow and node id; the id when it has none. */
  readonly nodeName: (flowId: string, nodeId: string) => string;
  /** Shows the flow column (the list of all flows). */
  readonly showFlow?: boolean;
  readonly flowName?: (flowId: string) => string;
  /** Clicking a node name (on a flow page: selects it on the canvas). */
  readonly onPickNode?: (nodeId: string) => void;
}

/** The link to a ticket's page (the console's `#/tickets/<id>`). */
export const ticketHref = (ticketId: string): string => `#/tickets/${encodeURIComponent(ticketId)}`;

/** Failures as a table: when, what (not delivered / flow error, and the error), where (flow, node), and the ticket. */
export function FailuresList({ failures, nodeName, showFlow = false, flowName = (id) => id, onPickNode }: FailuresListProps) {
  const { t, locale } = useI18n();
  return (
    <table className="failures-table" data-testid="failures-table">
      <thead>
        <tr>
          <th>{t('failures.when')}</th>
          {showFlow && <th>{t('failures.flow')}</th>}
          <th>{t('failures.node')}</th>
          <th>{t('failures.what')}</th>
        </tr>
      </thead>
      <tbody>
        {failures.map((f) => (
          <tr key={f.id} data-testid="failure" data-kind={f.kind} data-node-id={f.nodeId ?? ''} data-ticket-id={f.ticketId}>
            <td className="nowrap">
              <time dateTime={f.at}>{new Date(f.at).toLocaleString(locale)}</time>
            </td>
            {showFlow && (
              <td>
                <a href={routeHash({ page: 'flow', id: f.flowId, tab: 'failures' })}>{flowName(f.flowId)}</a>
              </td>
            )}
            <td>
              {f.nodeId === null ? (
                <span className="muted">{t('failures.flowLevel')}</span>
              ) : onPickNode ? (
                <button type="button" className="link" onClick={() => f.nodeId && onPickNode(f.nodeId)}>
                  {nodeName(f.flowId, f.nodeId)}
                </button>
              ) : (
                nodeName(f.flowId, f.nodeId)
              )}
            </td>
            <td>
              <span className={`failure-kind ${f.kind}`}>{f.kind === 'dead' ? t('failures.dead') : t('failures.error')}</span>
              {f.attempts !== undefined && <span className="muted small"> · {t('failures.deadDetail', { attempts: f.attempts })}</span>}
              {' · '}
              <a href={ticketHref(f.ticketId)} data-testid="failure-ticket">
                {t('failures.ticket', { ticket: shortTicket(f.ticketId) })}
              </a>
              {f.message && (
                <div className="failure-message small" title={f.message}>
                  {f.message}
                </div>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
