import type { AnalyticsOverview } from '@switchyard/api';
import { useMemo, useState } from 'react';
import { api } from '../api/api-client';
import { LoadError } from '../auth/load-error';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { duration, headlineFigures, lastDays } from '../model/analytics-figures';
import { useLoad } from '../use-load';
import { shareRing, volumeByDay } from './chart-options';
import { LazyEChart } from './lazy-echart';
import { PeriodPicker, type Filters } from './period-picker';
import { WeeklyExport } from './weekly-export';

const today = () => new Date().toISOString().slice(0, 10);

/** The team dashboard (`#/analytics`): headline figures with how each is computed, charts, agents, and the weekly export. */
export function DashboardPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({ ...lastDays(today(), 30) });
  const key = JSON.stringify(filters);
  return (
    <section className="analytics-page" data-testid="analytics-page">
      <div className="page-title">
        <h1>{t('analytics.title')}</h1>
      </div>
      <PeriodPicker value={filters} onChange={setFilters} />
      <Overview key={key} filters={filters} />
      <WeeklyExport group={filters.group} />
    </section>
  );
}

function Overview({ filters }: { filters: Filters }) {
  const { t } = useI18n();
  const [overview, reload] = useLoad(() => api.analyticsOverview(filters));
  if (overview.status === 'loading') return <p>{t('app.loading')}</p>;
  if (overview.status === 'error') return <LoadError error={overview.error} onRetry={reload} />;
  return <Figures o={overview.data} />;
}

function Figures({ o }: { o: AnalyticsOverview }) {
  const { t, locale } = useI18n();
  const keyLabel = (prefix: string) => (key: string) => (key === '' ? t('analytics.none') : labelOf(t, `${prefix}.${key}`, key));
  const charts = useMemo(
    () => ({
      day: volumeByDay(o, t('analytics.figure.total')),
      status: shareRing(o.byStatus, keyLabel('analytics.status')),
      category: shareRing(o.byCategory, keyLabel('analytics.category')),
      channel: shareRing(o.byChannel, keyLabel('analytics.channel')),
    }),
    // Labels follow the language: the charts are rebuilt when it changes.
    [o, locale],
  );
  return (
    <>
      <div className="figure-cards" data-testid="figure-cards">
        {headlineFigures(o, locale).map((f) => (
          <div key={f.id} className="figure-card" data-figure={f.id} title={t(f.how)}>
            <div className="figure-name">
              {t(`analytics.figure.${f.id}`)}
              <span className="figure-how" aria-label={t(f.how)} role="img">
                ?
              </span>
            </div>
            <div className="figure-value">{f.value}</div>
          </div>
        ))}
      </div>
      <div className="chart-grid">
        <figure className="chart-box" title={t('analytics.how.total')}>
          <figcaption>{t('analytics.chart.byDay')}</figcaption>
          <LazyEChart option={charts.day} testId="chart-by-day" />
        </figure>
        <figure className="chart-box">
          <figcaption>{t('analytics.chart.byStatus')}</figcaption>
          <LazyEChart option={charts.status} testId="chart-by-status" />
        </figure>
        <figure className="chart-box" title={t('analytics.how.category')}>
          <figcaption>{t('analytics.chart.byCategory')}</figcaption>
          <LazyEChart option={charts.category} testId="chart-by-category" />
        </figure>
        <figure className="chart-box">
          <figcaption>{t('analytics.chart.byChannel')}</figcaption>
          <LazyEChart option={charts.channel} testId="chart-by-channel" />
        </figure>
      </div>
      <h2>{t('analytics.agents')}</h2>
      <table className="flows-table" data-testid="agents-table">
        <thead>
          <tr>
            <th>{t('analytics.agent')}</th>
            <th title={t('analytics.how.agentTickets')}>{t('analytics.agentTickets')}</th>
            <th title={t('analytics.how.handled')}>{t('analytics.handled')}</th>
            <th title={t('analytics.how.agentFirstResponse')}>{t('analytics.figure.firstResponse')}</th>
            <th title={t('analytics.how.csat')}>{t('analytics.figure.csat')}</th>
            <th title={t('analytics.how.overdue')}>{t('analytics.figure.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {o.agents.map((a) => (
            <tr key={a.agent}>
              <td>{a.agent}</td>
              <td>{a.tickets}</td>
              <td>{a.handled}</td>
              <td>{duration(a.firstResponseMedianMs, locale)}</td>
              <td>{a.csatMean === null ? '—' : `${a.csatMean.toFixed(2)} (${a.csatResponses})`}</td>
              <td>{a.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** A key's words when the dictionary has them (a known status or channel), else the key itself (a custom category). */
function labelOf(t: (key: MessageKey) => string, key: string, fallback: string): string {
  const known: readonly string[] = KNOWN_LABELS;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- checked against the dictionary's own keys just above
  return known.includes(key) ? t(key as MessageKey) : fallback;
}

const KNOWN_LABELS = [
  'analytics.status.new',
  'analytics.status.processing',
  'analytics.status.resolved',
  'analytics.status.closed',
  'analytics.channel.chat',
  'analytics.channel.email',
  'analytics.channel.web',
  'analytics.channel.phone',
  'analytics.channel.social',
  'analytics.category.logistics',
  'analytics.category.after_sales',
  'analytics.category.fault',
  'analytics.category.billing',
  'analytics.category.complaint',
  'analytics.category.inquiry',
] as const satisfies readonly MessageKey[];
