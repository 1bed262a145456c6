import type { FlowMetrics } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { comparisonRows } from '../model/metric-comparison';
import { formatDifference, formatInterval, formatPValue, verdictOf } from '@switchyard/api';

/** Stable and candidate side by side per metric, with the difference, its 95% interval and a verdict. */
export function RolloutComparison({ metrics }: { metrics: FlowMetrics }) {
  const { t, locale } = useI18n();
  const { stable, candidate, rows } = comparisonRows(metrics, locale);
  if (stable === null) return <p className="muted small">{t('rollout.noNumbers')}</p>;
  const title = candidate === null ? t('rollout.numbersTitle', { stable }) : t('rollout.comparisonTitle', { stable, candidate });
  return (
    <section data-testid="rollout-comparison" aria-label={title}>
      <h3>{title}</h3>
      <table className="comparison-table">
        <thead>
          <tr>
            <th scope="col">{t('rollout.col.metric')}</th>
            <th scope="col">{t('rollout.col.stable', { version: stable })}</th>
            {candidate !== null && (
              <>
                <th scope="col">{t('rollout.col.candidate', { version: candidate })}</th>
                <th scope="col">{t('rollout.col.difference')}</th>
                <th scope="col">{t('rollout.col.verdict')}</th>
              </>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const d = row.difference;
            const verdict = d ? verdictOf(d) : null;
            return (
              <tr key={row.key} data-metric={row.key}>
                <th scope="row">{row.label ? t(row.label) : row.key}</th>
                <td>{row.stable}</td>
                {candidate !== null && (
                  <>
                    <td>{row.candidate}</td>
                    <td title={d?.pValue == null ? undefined : t('rollout.pValue', { p: formatPValue(d.pValue) })}>
                      {d && formatDifference(d.difference, d.unit, locale)}
                      {d && d.low !== null && d.high !== null && (
                        <span className="muted small interval">{formatInterval(d.low, d.high, d.unit, locale)}</span>
                      )}
                    </td>
                    <td className={verdict ? `verdict ${verdict}` : ''} data-verdict={verdict ?? undefined}>
                      {verdict ? t(`rollout.verdict.${verdict}`) : ''}
                    </td>
                  </>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
