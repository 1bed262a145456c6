import { useState } from 'react';
import { api } from '../api/api-client';
import { LoadError } from '../auth/load-error';
import { useI18n } from '../i18n/i18n-context';
import { isoWeekOf, percent } from '../model/analytics-figures';
import { useLoad } from '../use-load';

/** The weekly report: pick a week, see the scorecard, download it as CSV or PDF. */
export function WeeklyExport({ group }: { group?: string | undefined }) {
  const { t } = useI18n();
  const [week, setWeek] = useState(() => isoWeekOf(new Date().toISOString().slice(0, 10)));
  const query = { week, ...(group ? { group } : {}) };
  return (
    <section className="weekly-export" data-testid="weekly-export">
      <h2>{t('analytics.weekly')}</h2>
      <div className="period-picker">
        <label>
          {t('analytics.week')}
          <input type="week" value={week} onChange={(e) => e.target.value && setWeek(e.target.value)} data-testid="weekly-week" />
        </label>
        <a className="button" href={api.weeklyReportUrl({ ...query, format: 'csv' })} download data-testid="weekly-csv">
          {t('analytics.exportCsv')}
        </a>
        <a className="button" href={api.weeklyReportUrl({ ...query, format: 'pdf' })} download data-testid="weekly-pdf">
          {t('analytics.exportPdf')}
        </a>
      </div>
      <Scorecard key={JSON.stringify(query)} week={week} group={group} />
    </section>
  );
}

function Scorecard({ week, group }: { week: string; group?: string | undefined }) {
  const { t } = useI18n();
  const [report, reload] = useLoad(() => api.weeklyReport({ week, ...(group ? { group } : {}) }));
  if (report.status === 'loading') return <p>{t('app.loading')}</p>;
  if (report.status === 'error') return <LoadError error={report.error} onRetry={reload} />;
  const { scorecard } = report.data;
  return (
    <table className="flows-table" data-testid="scorecard" title={t('analytics.how.scorecard')}>
      <thead>
        <tr>
          <th>{t('analytics.metric')}</th>
          <th>{t('analytics.target')}</th>
          <th>{t('analytics.weight')}</th>
          <th>{t('analytics.actual')}</th>
          <th>{t('analytics.score')}</th>
        </tr>
      </thead>
      <tbody>
        {scorecard.rows.map((r) => (
          <tr key={r.metric}>
            <td>{t(`analytics.score.${r.metric}`)}</td>
            <td>{r.target <= 1 ? percent(r.target) : r.target}</td>
            <td>{r.weight}</td>
            <td>{r.actual === null ? '—' : r.actual <= 1 ? percent(r.actual) : r.actual.toFixed(1)}</td>
            <td>{r.score.toFixed(1)}</td>
          </tr>
        ))}
        <tr>
          <th>{t('analytics.total')}</th>
          <td />
          <td />
          <td />
          <th data-testid="scorecard-total">
            {scorecard.total.toFixed(1)} / {scorecard.max.toFixed(0)}
          </th>
        </tr>
      </tbody>
    </table>
  );
}
