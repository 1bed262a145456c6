import type { DryRunResult } from '@switchyard/api';
import { portLabel } from '../editor/port-label';
import { useI18n } from '../i18n/i18n-context';
import { inputLines } from '../model/trace-view';
import { virtualOffset } from '../model/virtual-time';
import type { RunContext } from './dry-run-results';

/**
 * Why a dry-run went where it went (asked with `explain`): each condition on the path with its
 * answer and the inputs it read, and what an assignment weighed, in the trace canvas's words.
 */
export function DryRunWhy({ result, createdAt, context }: { result: DryRunResult; createdAt: string; context: RunContext }) {
  const { t, locale } = useI18n();
  const titleOf = (flow: string, id: string) => {
    if (flow !== context.flowId) return `${id} (${t('dryRun.otherFlow', { flow })})`;
    const node = context.doc.nodes.find((n) => n.id === id);
    return node?.label ?? context.catalog.get(node?.type ?? '')?.title[locale] ?? id;
  };
  const steps = [
    ...(result.decisions ?? []).map((d) => ({ ...d, answerWord: `→ ${portLabel(d.answer, locale)}` })),
    ...result.actions.filter((a) => a.inputs !== undefined).map((a) => ({ ...a, answerWord: '' })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const line = (step: (typeof steps)[number], i: number) => (
    <li key={i} className="small" data-testid="why-step" data-node-id={step.node} data-flow-id={step.flow}>
      <span className="at">{virtualOffset(step.at, createdAt)}</span> <strong>{titleOf(step.flow, step.node)}</strong>{' '}
      {step.answerWord && (
        <span className="trace-answer" data-testid="why-answer">
          {step.answerWord}
        </span>
      )}
      {step.inputs &&
        inputLines(step.inputs, t).map((text, j) => (
          <span key={j} className="why-input" data-testid="why-input">
            {text}
          </span>
        ))}
    </li>
  );
  // This flow's decisions first; the other deployed flows' (run alongside) folded away, as they would crowd it out.
  const own = steps.filter((s) => s.flow === context.flowId);
  const others = steps.filter((s) => s.flow !== context.flowId);
  return (
    <div className="dry-run-why" data-testid="dry-run-why">
      <h4>{t('dryRun.why')}</h4>
      {own.length === 0 ? <p className="muted small">{t('dryRun.whyNone')}</p> : <ul>{own.map(line)}</ul>}
      {others.length > 0 && (
        <details data-testid="why-others">
          <summary className="small muted">{t('dryRun.whyOthers', { count: others.length })}</summary>
          <ul>{others.map(line)}</ul>
        </details>
      )}
    </div>
  );
}
