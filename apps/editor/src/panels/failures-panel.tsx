import type { FlowDocument } from '@switchyard/flow';
import { FailuresList } from '../failures/failures-list';
import type { FailuresState } from '../failures/use-failures';
import { useI18n } from '../i18n/i18n-context';

interface FailuresPanelProps {
  readonly state: FailuresState;
  readonly doc: FlowDocument;
  readonly onPickNode: (nodeId: string) => void;
}

/** The flow's failures of the last 24 h (dead-lettered effects, flow errors), by node label, each with its ticket. */
export function FailuresPanel({ state, doc, onPickNode }: FailuresPanelProps) {
  const { t } = useI18n();
  const labels = new Map(doc.nodes.map((n) => [n.id, n.label || n.id]));
  const { failures, error } = state;
  return (
    <div className="failures-panel" data-testid="failures-panel">
      <h3>{t('failures.title')}</h3>
      {error && <p className="error small">{t('failures.loadError', { message: error })}</p>}
      {failures === null && !error && <p className="muted">{t('app.loading')}</p>}
      {failures?.length === 0 && <p className="muted">{t('failures.none')}</p>}
      {failures && failures.length > 0 && (
        <FailuresList failures={failures} nodeName={(_, id) => labels.get(id) ?? id} onPickNode={onPickNode} />
      )}
    </div>
  );
}
