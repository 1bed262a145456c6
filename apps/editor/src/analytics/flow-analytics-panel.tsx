import type { FlowAnalytics } from '@switchyard/api';
import { useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { LoadError } from '../auth/load-error';
import { useI18n } from '../i18n/i18n-context';
import { duration, lastDays, type Overlay, overlayOf, percent } from '../model/analytics-figures';
import { useLoad } from '../use-load';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The flow's analytics tab: a period and version picker, the figures per node (clicking one, or
 * selecting it on the canvas, lists sample tickets linking to `#/tickets/<id>`), and the overlay
 * it hands to the canvas (node badges and heat, edge counts and widths).
 */
export function FlowAnalyticsPanel({
  flowId,
  versions,
  labels,
  selected,
  onSelect,
  onOverlay,
}: {
  flowId: string;
  versions: readonly { version: number }[];
  /** Each node's label on the canvas, by id. */
  labels: ReadonlyMap<string, string>;
  selected: string | undefined;
  onSelect: (nodeId: string) => void;
  onOverlay: (overlay: Overlay | null) => void;
}) {
  const { t } = useI18n();
  const [days, setDays] = useState(30);
  const [version, setVersion] = useState<number | undefined>(undefined);
  const query = { ...lastDays(today(), days), ...(version === undefined ? {} : { version }) };
  return (
    <div className="analytics-panel" data-testid="analytics-panel">
      <div className="period-picker">
        {[7, 30, 90].map((d) => (
          <button key={d} type="button" aria-pressed={days === d} data-testid={`overlay-period-${d}`} onClick={() => setDays(d)}>
            {t('analytics.lastDays', { days: d })}
          </button>
        ))}
        <label>
          {t('analytics.overlay.version')}
          <select
            value={version ?? ''}
            data-testid="overlay-version"
            onChange={(e) => setVersion(e.target.value === '' ? undefined : Number(e.target.value))}
          >
            <option value="">{t('analytics.overlay.allVersions')}</option>
            {versions.map((v) => (
              <option key={v.version} value={v.version}>
                v{v.version}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Figures
        key={JSON.stringify(query)}
        flowId={flowId}
        query={query}
        labels={labels}
        selected={selected}
        onSelect={onSelect}
        onOverlay={onOverlay}
      />
    </div>
  );
}

function Figures({
  flowId,
  query,
  labels,
  selected,
  onSelect,
  onOverlay,
}: {
  flowId: string;
  query: { from: string; to: string; version?: number };
  labels: ReadonlyMap<string, string>;
  selected: string | undefined;
  onSelect: (nodeId: string) => void;
  onOverlay: (overlay: Overlay | null) => void;
}) {
  const { t, locale } = useI18n();
  const [figures, reload] = useLoad(() => api.flowAnalytics(flowId, query));
  const data = figures.status === 'done' ? figures.data : null;
  useEffect(() => {
    onOverlay(data ? overlayOf(data, locale) : null);
    return () => onOverlay(null);
  }, [data, locale]);
  if (figures.status === 'loading') return <p>{t('app.loading')}</p>;
  if (figures.status === 'error') return <LoadError error={figures.error} onRetry={reload} />;
  const f: FlowAnalytics = figures.data;
  return (
    <>
      <p data-testid="overlay-tickets">{t('analytics.overlay.tickets', { count: f.tickets })}</p>
      <table>
        <thead>
          <tr>
            <th />
            <th>{t('analytics.overlay.entered')}</th>
            <th>{t('analytics.overlay.wait')}</th>
            <th>{t('analytics.overlay.errors')}</th>
            <th>{t('analytics.overlay.rules')}</th>
          </tr>
        </thead>
        <tbody>
          {f.nodes.map((n) => (
            <tr key={n.id} data-node={n.id} aria-selected={selected === n.id} onClick={() => onSelect(n.id)}>
              <td title={n.id}>{labels.get(n.id) ?? n.id}</td>
              <td>{n.entered}</td>
              <td>
                {n.wait ? `${duration(n.wait.medianMs, locale)} / ${duration(n.wait.p95Ms, locale)} · ${percent(n.wait.timeoutShare)}` : ''}
              </td>
              <td>{n.errors + n.deadLettered || ''}</td>
              <td>{n.routed + n.categorized > 0 ? `${n.misroutes} · ${n.corrections}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {selected ? (
        <Samples key={selected} flowId={flowId} node={selected} label={labels.get(selected) ?? selected} from={query.from} to={query.to} />
      ) : (
        <p className="muted">{t('analytics.overlay.pick')}</p>
      )}
    </>
  );
}

function Samples({ flowId, node, label, from, to }: { flowId: string; node: string; label: string; from: string; to: string }) {
  const { t } = useI18n();
  const [samples, reload] = useLoad(() => api.nodeTickets(flowId, { node, from, to, limit: 10 }));
  if (samples.status === 'loading') return <p>{t('app.loading')}</p>;
  if (samples.status === 'error') return <LoadError error={samples.error} onRetry={reload} />;
  return (
    <div data-testid="overlay-samples">
      <h3>{t('analytics.overlay.samples', { node: label })}</h3>
      {samples.data.tickets.length === 0 && <p className="muted">{t('analytics.overlay.noSamples')}</p>}
      <ul>
        {samples.data.tickets.map((x) => (
          <li key={x.id}>
            <a href={`#/tickets/${encodeURIComponent(x.id)}`}>{x.number}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
