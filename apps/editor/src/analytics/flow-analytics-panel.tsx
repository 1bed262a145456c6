import type { FlowAnalytics } from '@switchyard/api';
import { useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { LoadError } from '../auth/load-error';
import { useI18n } from '../i18n/i18n-context';
import { comparedOverlayOf, duration, lastDays, type Overlay, overlayOf, percent } from '../model/analytics-figures';
import { useLoad } from '../use-load';

const today = () => new Date().toISOString().slice(0, 10);

/**
 * The flow's analytics tab: a period and version picker, the figures per node (clicking one, or
 * selecting it on the canvas, lists sample tickets linking to `#/tickets/<id>`), and the overlay
 * it hands to the canvas (node badges and heat, edge counts and widths). With a version chosen, a
 * second one can be set beside it: the table and the canvas then read "first | second".
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
  const [against, setAgainst] = useState<number | undefined>(undefined);
  const query = { ...lastDays(today(), days), ...(version === undefined ? {} : { version }) };
  const versionChoice = (value: number | undefined, set: (v: number | undefined) => void, testId: string, none: string) => (
    <select value={value ?? ''} data-testid={testId} onChange={(e) => set(e.target.value === '' ? undefined : Number(e.target.value))}>
      <option value="">{none}</option>
      {versions.map((v) => (
        <option key={v.version} value={v.version}>
          v{v.version}
        </option>
      ))}
    </select>
  );
  const beside = version === undefined || against === version ? undefined : against;
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
          {versionChoice(version, setVersion, 'overlay-version', t('analytics.overlay.allVersions'))}
        </label>
        {version !== undefined && (
          <label>
            {t('analytics.overlay.against')}
            {versionChoice(against, setAgainst, 'overlay-against', t('analytics.overlay.againstNone'))}
          </label>
        )}
      </div>
      <Figures
        key={JSON.stringify([query, beside])}
        flowId={flowId}
        query={query}
        against={beside}
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
  against,
  labels,
  selected,
  onSelect,
  onOverlay,
}: {
  flowId: string;
  query: { from: string; to: string; version?: number };
  /** A second version shown beside the first. */
  against: number | undefined;
  labels: ReadonlyMap<string, string>;
  selected: string | undefined;
  onSelect: (nodeId: string) => void;
  onOverlay: (overlay: Overlay | null) => void;
}) {
  const { t, locale } = useI18n();
  const [figures, reload] = useLoad(() =>
    Promise.all([
      api.flowAnalytics(flowId, query),
      against === undefined ? Promise.resolve(undefined) : api.flowAnalytics(flowId, { ...query, version: against }),
    ]),
  );
  const data = figures.status === 'done' ? figures.data : null;
  useEffect(() => {
    if (data === null) onOverlay(null);
    else onOverlay(data[1] ? comparedOverlayOf(data[0], data[1], locale) : overlayOf(data[0], locale));
    return () => onOverlay(null);
  }, [data, locale]);
  if (figures.status === 'loading') return <p>{t('app.loading')}</p>;
  if (figures.status === 'error') return <LoadError error={figures.error} onRetry={reload} />;
  const [f, g]: [FlowAnalytics, FlowAnalytics | undefined] = figures.data;
  const other = new Map(g?.nodes.map((n) => [n.id, n]));
  /** One cell's text, and the second version's beside it when comparing. */
  const pair = (text: (n: FlowAnalytics['nodes'][number]) => string, n: FlowAnalytics['nodes'][number]) => {
    if (g === undefined) return text(n);
    const [first, second] = [text(n), other.has(n.id) ? text(other.get(n.id) ?? n) : '—'];
    return first === '' && second === '' ? '' : `${first || '—'} | ${second || '—'}`;
  };
  return (
    <>
      <p data-testid="overlay-tickets">
        {g === undefined
          ? t('analytics.overlay.tickets', { count: f.tickets })
          : t('analytics.overlay.ticketsBeside', {
              first: `v${f.version ?? ''}`,
              count: f.tickets,
              second: `v${g.version ?? ''}`,
              other: g.tickets,
            })}
      </p>
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
              <td>{pair((x) => String(x.entered), n)}</td>
              <td>
                {pair(
                  (x) =>
                    x.wait
                      ? `${duration(x.wait.medianMs, locale)} / ${duration(x.wait.p95Ms, locale)} · ${percent(x.wait.timeoutShare)}`
                      : '',
                  n,
                )}
              </td>
              <td>{pair((x) => (x.errors + x.deadLettered > 0 ? String(x.errors + x.deadLettered) : ''), n)}</td>
              <td>{pair((x) => (x.routed + x.categorized > 0 ? `${x.misroutes} · ${x.corrections}` : ''), n)}</td>
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
