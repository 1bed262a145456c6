import { portLabel } from '../editor/port-label';
import { useI18n } from '../i18n/i18n-context';
import { inputLines, stepWord, type TracedFlow } from '../model/trace-view';

/** A flow's trace as a list beside the canvas: each step's time, node, what happened, a condition's answer and inputs. */
export function TraceStepList({
  flow,
  titleOf,
  selected,
  onPick,
}: {
  flow: TracedFlow;
  titleOf: (node: string) => string;
  selected: ReadonlySet<string>;
  onPick: (node: string) => void;
}) {
  const { t, locale } = useI18n();
  if (!flow.steps.length) return <p className="muted">{t('trace.noSteps')}</p>;
  return (
    <>
      <h3>{t('trace.path')}</h3>
      <ol className="trace-step-list" data-testid="trace-step-list">
        {flow.steps.map((step, i) => (
          <li
            key={i}
            className={`trace-step trace-${step.type.replace('.', '-')}${selected.has(step.node) ? ' selected' : ''}`}
            data-testid="trace-step"
            data-node-id={step.node}
          >
            <button type="button" className="link" onClick={() => onPick(step.node)}>
              <span className="muted small" title={new Date(step.at).toLocaleString(locale)}>
                {new Date(step.at).toLocaleTimeString(locale)}
              </span>{' '}
              <strong>{titleOf(step.node)}</strong> <em>{stepWord(step, t)}</em>
              {step.answer !== undefined && <span className="trace-answer"> → {portLabel(step.answer, locale)}</span>}
            </button>
            {step.inputs && (
              <ul className="trace-inputs">
                {inputLines(step.inputs, t).map((line, j) => (
                  <li key={j}>{line}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}
