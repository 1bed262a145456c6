import type { GuardrailTrip, RolloutChange, RolloutSplit } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { formatMetricValue } from '@switchyard/api';

/** "stable v1 · candidate v2 at 10%" (or stable alone), in the current language. */
export function useSplitText(): (split: RolloutSplit | null) => string {
  const { t } = useI18n();
  return (split) =>
    split === null
      ? t('rollout.nothing')
      : split.candidate === null
        ? t('rollout.splitStable', { stable: split.stable })
        : t('rollout.splitCandidate', { stable: split.stable, candidate: split.candidate, percent: split.percent });
}

/** Who changed the rollout, when, from what to what, and why; newest first. */
export function RolloutHistory({ history }: { history: readonly RolloutChange[] }) {
  const { t, locale } = useI18n();
  const splitText = useSplitText();
  return (
    <section aria-labelledby="rollout-history-title">
      <h3 id="rollout-history-title">{t('rollout.historyTitle')}</h3>
      {history.length === 0 ? (
        <p className="muted small">{t('rollout.noHistory')}</p>
      ) : (
        <ol className="rollout-history" data-testid="rollout-history">
          {history.map((change, index) => (
            <li key={`${change.at}-${index}`} data-testid="rollout-change" data-kind={change.kind}>
              <strong>{t(`rollout.kind.${change.kind}`)}</strong>{' '}
              <span className="muted small">
                {t('rollout.historyWho', { actor: change.actor, at: new Date(change.at).toLocaleString(locale) })}
              </span>
              <div className="small">
                {splitText(change.from)} → {splitText(change.to)}
              </div>
              {change.reason && <div className="small reason">“{change.reason}”</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The guardrail that rolled the candidate back, and what it saw. */
export function TrippedBanner({ trip }: { trip: GuardrailTrip }) {
  const { t, locale } = useI18n();
  const { guardrail } = trip;
  const metric = t(`rollout.metricName.${guardrail.metric}`);
  const rule =
    guardrail.above !== undefined
      ? t('rollout.ruleAbove', { metric, value: guardrail.above, min: guardrail.minTickets })
      : t('rollout.ruleWorse', { metric, value: guardrail.worseThanStableBy, min: guardrail.minTickets });
  return (
    <p className="tripped-banner" role="alert" data-testid="tripped-banner">
      {t('rollout.tripped', {
        at: new Date(trip.at).toLocaleString(locale),
        rule,
        candidateRate: formatMetricValue(trip.candidateRate, 'points', locale),
        stableRate: formatMetricValue(trip.stableRate, 'points', locale),
        tickets: trip.candidateTickets,
      })}
    </p>
  );
}
