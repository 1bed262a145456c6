import type { Diagnostic } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { diagnosticText } from '../model/diagnostics-index';
import { describeProblem, type ProblemNames } from '../model/problem-words';

/** Every problem of the draft; clicking one selects the node (or edge) it names. */
export function ProblemsPanel({
  diagnostics,
  onPick,
  names,
}: {
  diagnostics: readonly Diagnostic[];
  onPick: (id: string) => void;
  /** Names nodes by label and fields by title; without it, validation's own text. */
  names?: ProblemNames;
}) {
  const { t, locale } = useI18n();
  if (diagnostics.length === 0)
    return (
      <p className="muted" data-testid="problems-empty">
        {t('problems.none')}
      </p>
    );
  return (
    <ul className="problems" data-testid="problems">
      {diagnostics.map((d, i) => {
        const target = d.nodeId ?? d.edgeId;
        return (
          <li key={i} className={`problem ${d.severity}`}>
            <button
              type="button"
              disabled={!target}
              onClick={() => target && onPick(target)}
              data-testid="problem"
              data-node-id={d.nodeId}
              data-code={d.code}
            >
              <span className="problem-where">
                {d.nodeId
                  ? (names?.node(d.nodeId) ?? t('problems.node', { nodeId: d.nodeId }))
                  : d.edgeId
                    ? t('problems.edge', { edgeId: d.edgeId })
                    : ''}
              </span>
              <span>{names ? describeProblem(d, names) : diagnosticText(d, locale)}</span>
            </button>
          </li>
        );
      })}
    </ul>
  );
}
