import type { CatalogEntry, DryRunResult } from '@switchyard/api';
import { type FlowDocument, readFieldMeta, schemaProperties } from '@switchyard/flow';
import { useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import { type Locale, translate } from '../i18n/translate';
import { timelineRows } from '../model/dry-run-rows';
import type { OutcomeRow } from '../model/dry-run-summary';
import { stableJson } from '../model/stable-json';
import { virtualOffset } from '../model/virtual-time';
import { DryRunWhy } from './dry-run-why';

/** The outcome in words: each final field by its name, statuses and priorities by their labels. */
function finalText(r: DryRunResult, catalog: ReadonlyMap<string, CatalogEntry>, locale: Locale): string {
  const labelled = (type: string, key: string, value: string) =>
    readFieldMeta(schemaProperties(catalog.get(type)?.configSchema)[key])?.choices?.[value]?.[locale] ?? value;
  const separator = locale === 'en' ? ', ' : '，';
  return Object.entries(r.final)
    .filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))
    .map(([k, v]) => {
      const value = Array.isArray(v)
        ? v.join(locale === 'en' ? ', ' : '、')
        : k === 'status'
          ? labelled('set_status', 'status', String(v))
          : k === 'priority'
            ? labelled('set_priority', 'priority', String(v))
            : String(v);
      return `${FINAL_FIELD_KEYS[k] ? translate(locale, FINAL_FIELD_KEYS[k]) : k} ${value}`;
    })
    .join(separator);
}

const FINAL_FIELD_KEYS: Readonly<Record<string, MessageKey>> = {
  status: 'dryRun.field.status',
  priority: 'dryRun.field.priority',
  category: 'dryRun.field.category',
  group: 'dryRun.field.group',
  assignee: 'dryRun.field.assignee',
  tags: 'dryRun.field.tags',
  flags: 'dryRun.field.flags',
};

export interface RunContext {
  readonly flowId: string;
  readonly doc: Pick<FlowDocument, 'nodes'>;
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
}

/** One side's run of one ticket: a table of what each step did at its virtual time (or the raw lines), then the outcome. */
export function RunDetail({
  result,
  createdAt,
  context,
  raw,
}: {
  result: DryRunResult | undefined;
  createdAt: string;
  context: RunContext;
  raw: boolean;
}) {
  const { t, locale } = useI18n();
  if (!result) return <p className="muted small">—</p>;
  const rows = timelineRows(result, createdAt, context.flowId, context.doc, context.catalog, locale);
  return (
    <div className="run-detail">
      {raw ? (
        <ol className="timeline raw" data-testid="timeline">
          {result.actions.map((a, i) => (
            <li key={i} className="small">
              <span className="at">{virtualOffset(a.at, createdAt)}</span> <code>{a.node}</code> <strong>{a.type}</strong>{' '}
              <span className="muted">{stableJson(a.params)}</span>
            </li>
          ))}
          {result.errors.map((e, i) => (
            <li key={`error-${i}`} className="error small">
              {virtualOffset(e.at, createdAt)} {e.node ?? ''}: {e.message}
            </li>
          ))}
        </ol>
      ) : rows.length === 0 ? (
        <p className="muted small" data-testid="timeline">
          {t('dryRun.noActions')}
        </p>
      ) : (
        <table className="timeline-table" data-testid="timeline">
          <thead>
            <tr>
              <th>{t('dryRun.col.time')}</th>
              <th>{t('dryRun.col.step')}</th>
              <th>{t('dryRun.col.what')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i} className={row.error ? 'error' : ''} data-testid="timeline-row" data-node-id={row.nodeId}>
                <td className="at" title={row.at}>
                  {row.offset}
                </td>
                <td className="step">
                  {row.step}
                  {row.flow && <div className="muted small">{t('dryRun.otherFlow', { flow: row.flow })}</div>}
                </td>
                <td>{row.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="small" data-testid="final">
        {t('dryRun.final', { final: finalText(result, context.catalog, locale) })}
      </p>
      {result.decisions && <DryRunWhy result={result} createdAt={createdAt} context={context} />}
    </div>
  );
}

/** Tickets with their runs, side by side when two were run; a click highlights the ticket's path. */
export function DryRunResults({
  rows,
  flowId,
  doc,
  catalog,
  twoSides,
  sideLabels,
  highlighted,
  createdAtOf,
  onHighlight,
}: {
  rows: readonly OutcomeRow[];
  /** Actions of other flows (run alongside) name their flow. */
  flowId: string;
  doc: Pick<FlowDocument, 'nodes'>;
  catalog: ReadonlyMap<string, CatalogEntry>;
  twoSides: boolean;
  /** What each side ran against ("v1", "Draft"), as column heads. */
  sideLabels: readonly [string, string];
  highlighted: string | null;
  createdAtOf: (ticketId: string) => string;
  onHighlight: (ticketId: string | null) => void;
}) {
  const { t } = useI18n();
  const [raw, setRaw] = useState(false);
  const context: RunContext = { flowId, doc, catalog };
  return (
    <div className="dry-run-results" data-testid="dry-run-results">
      <h3>
        {t('dryRun.timeline')}{' '}
        <label className="toggle-raw small">
          <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} data-testid="timeline-raw" /> {t('dryRun.raw')}
        </label>
      </h3>
      {twoSides && (
        <div className="side-by-side side-heads">
          <strong>{sideLabels[0]}</strong>
          <strong>{sideLabels[1]}</strong>
        </div>
      )}
      {rows.map((row) => (
        <section
          key={row.ticketId}
          className={`ticket-run ${row.differs && twoSides ? 'differs' : ''} ${highlighted === row.ticketId ? 'highlighted' : ''}`}
          data-testid="ticket-run"
          data-ticket-id={row.ticketId}
        >
          <button
            type="button"
            className="link"
            onClick={() => onHighlight(highlighted === row.ticketId ? null : row.ticketId)}
            title={t('dryRun.highlight')}
          >
            {t('dryRun.ticket', { id: row.ticketId })}
          </button>
          {twoSides && (
            <span className={`pill ${row.differs ? 'invalid' : 'valid'}`}>{row.differs ? t('dryRun.differs') : t('dryRun.same')}</span>
          )}
          <div className={twoSides ? 'side-by-side' : ''}>
            <RunDetail result={row.left} createdAt={createdAtOf(row.ticketId)} context={context} raw={raw} />
            {twoSides && <RunDetail result={row.right} createdAt={createdAtOf(row.ticketId)} context={context} raw={raw} />}
          </div>
        </section>
      ))}
    </div>
  );
}
