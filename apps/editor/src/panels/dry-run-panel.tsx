import type { FlowDocument } from '@switchyard/flow';
import { useMemo, useState } from 'react';
import type { CatalogEntry, DryRunResult, DryRunTarget, VersionSummary } from '@switchyard/api';
import { api } from '../api/api-client';
import { useGate } from '../auth/allowed';
import { useI18n } from '../i18n/i18n-context';
import { branchCounts, compareRuns } from '../model/dry-run-summary';
import type { SampleTicketInput } from '../model/sample-tickets';
import { DEFAULT_CREATED_AT } from '../model/virtual-time';
import { portLabel } from '../editor/port-label';
import { DryRunResults } from './dry-run-results';
import { TicketPicker } from './ticket-picker';
import type { VersionRef } from './versions-panel';

/** The runs to show on the canvas: which results, and of which ticket if one is picked. */
export interface DryRunHighlight {
  readonly results: readonly DryRunResult[];
}

interface DryRunPanelProps {
  readonly flowId: string;
  readonly doc: FlowDocument;
  readonly versions: readonly VersionSummary[];
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
  readonly highlighting: boolean;
  readonly onHighlight: (highlight: DryRunHighlight | null) => void;
}

const NONE = 'none';

/** Dry-run: sample tickets against the draft or a version (or two side by side), with a branch summary and timelines. */
export function DryRunPanel({ flowId, doc, versions, catalog, highlighting, onHighlight }: DryRunPanelProps) {
  const { t, locale } = useI18n();
  const dryRunGate = useGate('flows.dry_run');
  const [tickets, setTickets] = useState<SampleTicketInput[]>([]);
  const [left, setLeft] = useState<VersionRef>('draft');
  const [right, setRight] = useState<VersionRef | typeof NONE>(NONE);
  const [runs, setRuns] = useState<{ left: DryRunResult[]; right: DryRunResult[] | null; leftLabel: string; rightLabel: string } | null>(
    null,
  );
  const [picked, setPicked] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // As in production by default: earlier flows (intake, classification) set what this one reads.
  const [withOthers, setWithOthers] = useState(true);
  // Why each condition answered as it did, in words (the trace canvas's words); off, the answer is the plain contract.
  const [explain, setExplain] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const refLabel = (ref: VersionRef) => (ref === 'draft' ? t('dryRun.draft') : `v${ref}`);
  const target = (ref: VersionRef): DryRunTarget => (ref === 'draft' ? { document: doc } : { version: ref });

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const others = withOthers ? 'deployed' : 'none';
      const [a, b] = await Promise.all([
        api.dryRun(flowId, target(left), tickets, others, explain),
        right === NONE ? Promise.resolve(null) : api.dryRun(flowId, target(right), tickets, others, explain),
      ]);
      setRuns({ left: a, right: b, leftLabel: refLabel(left), rightLabel: right === NONE ? '' : refLabel(right) });
      setPicked(null);
      onHighlight({ results: a });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  const rows = useMemo(() => (runs ? compareRuns(runs.left, runs.right ?? runs.left) : []), [runs]);
  const counts = useMemo(() => (runs ? branchCounts(doc, runs.left) : new Map<string, Record<string, number>>()), [runs, doc]);
  const titleOf = (id: string) => {
    const node = doc.nodes.find((n) => n.id === id);
    return node?.label ?? catalog.get(node?.type ?? '')?.title[locale] ?? id;
  };
  const refOptions = (
    <>
      <option value="draft">{t('dryRun.draft')}</option>
      {[...versions].reverse().map((v) => (
        <option key={v.version} value={v.version}>
          v{v.version}
        </option>
      ))}
    </>
  );

  return (
    <div className="dry-run" data-testid="dry-run-panel">
      <TicketPicker tickets={tickets} onChange={setTickets} />
      <div className="row wrap">
        <label>
          {t('dryRun.against')}
          <select
            value={String(left)}
            onChange={(e) => setLeft(e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
            data-testid="run-against"
          >
            {refOptions}
          </select>
        </label>
        <label>
          {t('dryRun.compareWith')}
          <select
            value={String(right)}
            onChange={(e) => setRight(e.target.value === NONE ? NONE : e.target.value === 'draft' ? 'draft' : Number(e.target.value))}
            data-testid="run-compare"
          >
            <option value={NONE}>{t('dryRun.nothing')}</option>
            {refOptions}
          </select>
        </label>
        <label className="inline">
          <input type="checkbox" checked={withOthers} onChange={(e) => setWithOthers(e.target.checked)} data-testid="run-with-others" />{' '}
          {t('dryRun.withOthers')}
        </label>
        <label className="inline">
          <input type="checkbox" checked={explain} onChange={(e) => setExplain(e.target.checked)} data-testid="run-explain" />{' '}
          {t('dryRun.explain')}
        </label>
        <button
          type="button"
          className="primary"
          disabled={busy || tickets.length === 0 || !dryRunGate.allowed}
          title={dryRunGate.reason}
          onClick={() => void run()}
          data-testid="run-dry-run"
        >
          {busy ? t('dryRun.running') : t('dryRun.run')}
        </button>
        {highlighting && (
          <button type="button" onClick={() => onHighlight(null)} data-testid="clear-highlight">
            {t('dryRun.clearHighlight')}
          </button>
        )}
      </div>
      {error && <p className="error">{error}</p>}
      {runs && (
        <>
          <h3>{t('dryRun.summary')}</h3>
          <ul className="branch-summary" data-testid="branch-summary">
            {[...counts.entries()].map(([node, ports]) => (
              <li key={node} className="small" data-node-id={node}>
                {titleOf(node)}:{' '}
                {Object.entries(ports)
                  .map(([port, n]) => `${portLabel(port, locale)} ${t('summary.runs', { count: n })}`)
                  .join(' · ')}
              </li>
            ))}
          </ul>
          <DryRunResults
            rows={rows}
            flowId={doc.id}
            doc={doc}
            catalog={catalog}
            twoSides={runs.right !== null}
            sideLabels={[runs.leftLabel, runs.rightLabel]}
            highlighted={picked}
            createdAtOf={(ticketId) => {
              const createdAt: unknown = tickets.find((x) => x.id === ticketId)?.createdAt;
              return typeof createdAt === 'string' ? createdAt : DEFAULT_CREATED_AT;
            }}
            onHighlight={(ticketId) => {
              setPicked(ticketId);
              onHighlight({ results: ticketId ? runs.left.filter((r) => r.ticketId === ticketId) : runs.left });
            }}
          />
        </>
      )}
    </div>
  );
}
