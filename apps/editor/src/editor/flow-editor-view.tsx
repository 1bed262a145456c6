import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CatalogEntry, FlowDetail } from '@switchyard/api';
import { FlowAnalyticsPanel } from '../analytics/flow-analytics-panel';
import { AnalyticsOverlayContext } from '../analytics/overlay-context';
import { useCan } from '../auth/allowed';
import type { Overlay } from '../model/analytics-figures';
import { useI18n } from '../i18n/i18n-context';
import { Inspector } from '../inspector/inspector';
import { indexDiagnostics } from '../model/diagnostics-index';
import { describeProblem, problemNames } from '../model/problem-words';
import { branchCounts, visitedElements } from '../model/dry-run-summary';
import { DiffPanel } from '../panels/diff-panel';
import { FailuresPanel } from '../panels/failures-panel';
import { useFailures } from '../failures/use-failures';
import { failuresByNode } from '../model/failures';
import { notesBetween } from '../model/version-notes';
import { type DryRunHighlight, DryRunPanel } from '../panels/dry-run-panel';
import { type BacktestOpened, BacktestPanel } from '../panels/backtest-panel';
import type { BacktestTarget } from '../model/backtest-form';
import { pathSides } from '../model/backtest-paths';
import { ProblemsPanel } from '../panels/problems-panel';
import { RolloutPanel } from '../panels/rollout-panel';
import { VersionsPanel } from '../panels/versions-panel';
import type { FlowTab } from '../use-hash-route';
import { ConflictDialog } from './conflict-dialog';
import { portsOfNodes } from '../model/flow-to-canvas';
import { type CanvasDecorations, FIT_VIEW, FlowCanvas, TIDY_FIT } from './flow-canvas';
import { Palette } from './palette';
import { PublishDialog } from './publish-dialog';
import { Toolbar } from './toolbar';
import { useFlowEditor } from './use-flow-editor';
import { useKeyboardShortcuts } from './use-keyboard-shortcuts';
import { useNodePlacement } from './use-node-placement';
import { type ComparedSide, useNoticeText, useVersions } from './use-versions';

type Tab = 'inspector' | 'problems' | 'versions' | 'dryRun' | 'backtest' | 'rollout' | 'failures' | 'analytics';

/** The flow page: palette, canvas, and the side panels (inspector, problems, versions, dry-run, rollout). */
interface FlowEditorViewProps {
  readonly flowId: string;
  readonly detail: FlowDetail;
  readonly catalog: readonly CatalogEntry[];
  /** The tab a link asked for (`#/flows/<id>/rollout`). */
  readonly linkedTab?: FlowTab | undefined;
}

export function FlowEditorView({ flowId, detail, catalog, linkedTab }: FlowEditorViewProps) {
  const { t, locale } = useI18n();
  const canEdit = useCan('flows.edit');
  const failures = useFailures(flowId, useCan('runtime.read'));
  const [publishing, setPublishing] = useState(false);
  const flow = useReactFlow();
  const editor = useFlowEditor(flowId, detail.draft, detail.revision, detail.diagnostics);
  const catalogByType = useMemo(() => new Map(catalog.map((e) => [e.type, e])), [catalog]);
  const [tab, setTab] = useState<Tab>(linkedTab ?? 'inspector');
  // A notification's link may name the tab while this flow is already open.
  useEffect(() => {
    if (linkedTab) setTab(linkedTab);
  }, [linkedTab]);
  const [highlight, setHighlight] = useState<DryRunHighlight | null>(null);
  // "Test on past tickets": what the toolbar or a version asked to test, and the ticket opened on the canvas.
  const [backtestRequest, setBacktestRequest] = useState<{ target: BacktestTarget } | null>(null);
  const [backtestOpened, setBacktestOpened] = useState<BacktestOpened | null>(null);
  const testOnPastTickets = (target: BacktestTarget) => {
    setBacktestRequest({ target });
    setTab('backtest');
  };
  const canSeeFigures = useCan('runtime.read');
  const [overlay, setOverlay] = useState<Overlay | null>(null);
  const { doc, selection, diagnostics } = editor;

  const { versions, comparison, closeComparison, notice, publish, compare, compareConflict, restore } = useVersions(
    flowId,
    editor,
    detail.versions,
    {
      onRefused: () => setTab('problems'),
      onCompared: () => {
        setHighlight(null);
        editor.select([]);
        requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 200 }));
      },
    },
  );
  const noticeText = useNoticeText(notice);
  const { conflict } = editor;
  const refLabel = (ref: ComparedSide) =>
    ref === 'draft'
      ? t('versions.draft')
      : ref === 'mine'
        ? t('conflict.mine')
        : ref === 'theirs'
          ? t('conflict.theirs', { revision: conflict?.revision ?? '' })
          : t('versions.version', { version: ref });
  const comparingConflict = comparison?.from === 'theirs';
  const resolveConflict = (choice: 'mine' | 'theirs') => {
    if (comparingConflict) closeComparison();
    if (choice === 'mine') void editor.keepMine();
    else {
      const theirs = editor.takeTheirs();
      // One undo step: an undo brings mine back (then saved over theirs like any edit).
      if (theirs) editor.replaceDocument(theirs);
    }
  };

  const problems = useMemo(() => {
    const names = problemNames(doc, catalogByType, locale);
    return indexDiagnostics(diagnostics, locale, (d) => describeProblem(d, names));
  }, [diagnostics, locale, doc, catalogByType]);
  const runs = useMemo(
    () => (highlight ? { visited: visitedElements(doc, highlight.results), branches: branchCounts(doc, highlight.results) } : null),
    [highlight, doc],
  );
  // A backtested ticket opened: its two paths on the document the job replayed (a version's, or the draft).
  const pathsDoc = backtestOpened && tab === 'backtest' ? (backtestOpened.document ?? doc) : null;
  const paths = useMemo(
    () => (pathsDoc && backtestOpened ? pathSides(pathsDoc, backtestOpened.ticket.baseline, backtestOpened.ticket.candidate) : null),
    [pathsDoc, backtestOpened],
  );
  const decorations = useMemo<CanvasDecorations>(() => {
    if (comparison) return { nodeDiff: comparison.view.nodeDiff, edgeDiff: comparison.view.edgeDiff };
    if (paths) return { pathNodes: paths.nodes, pathEdges: paths.edges };
    const base: CanvasDecorations = {
      problemsByNode: problems.byNode,
      problemsByEdge: problems.byEdge,
      failuresByNode: failuresByNode(failures.failures ?? [], flowId),
    };
    return runs ? { ...base, visitedNodes: runs.visited.nodes, visitedEdges: runs.visited.edges, branches: runs.branches } : base;
  }, [comparison, paths, problems, runs, failures.failures, flowId]);

  const pick = useCallback(
    (id: string) => {
      editor.select([id]);
      if (doc.nodes.some((n) => n.id === id)) {
        setTab('inspector');
        void flow.fitView({ nodes: [{ id }], duration: 300, maxZoom: 1.2 });
      }
    },
    [editor, doc, flow],
  );

  // Those who may not draw (ops, engineers) see the flow as it is: nothing to edit, nothing autosaved.
  const showingVersion = pathsDoc !== null && pathsDoc !== doc;
  const readOnly = comparison !== null || showingVersion || !canEdit;
  useKeyboardShortcuts(
    {
      undo: editor.undo,
      redo: editor.redo,
      copy: () => editor.copy(selection),
      paste: editor.paste,
      selectAll: () => editor.select(doc.nodes.map((n) => n.id)),
    },
    !readOnly,
  );

  const selectedNodes = doc.nodes.filter((n) => selection.has(n.id));
  const selectedNode = selectedNodes.length === 1 ? selectedNodes[0] : undefined;
  const errorCount = diagnostics.length;
  const analyticsTab: [Tab, string] = ['analytics', t('analytics.overlay')];
  const tabs: readonly [Tab, string][] = [
    ['inspector', t('tabs.inspector')],
    ['problems', t('tabs.problems', { count: errorCount })],
    ['versions', t('tabs.versions')],
    ['dryRun', t('tabs.dryRun')],
    ['backtest', t('tabs.backtest')],
    ['rollout', t('tabs.rollout')],
    ['failures', t('failures.tab', { count: failures.failures?.length ?? 0 })],
    ...(canSeeFigures ? [analyticsTab] : []),
  ];

  // After the selected node, wired from its first free port; else in the visible centre (placement.ts).
  const { addNode } = useNodePlacement(editor, doc, catalogByType);
  const addFromPalette = useCallback((type: string) => void addNode(type), [addNode]);

  return (
    <div className={`flow-editor ${comparison !== null ? 'comparing' : ''}`} data-testid="flow-editor" data-flow-id={flowId}>
      <Toolbar
        name={doc.name}
        saveState={editor.saveState}
        canUndo={editor.canUndo}
        canRedo={editor.canRedo}
        readOnly={readOnly}
        notice={noticeText}
        onUndo={editor.undo}
        onRedo={editor.redo}
        onLayout={() => {
          void editor.layout(portsOfNodes(doc, catalogByType)).then(() => {
            requestAnimationFrame(() => void flow.fitView({ ...TIDY_FIT, duration: 200 }));
          });
        }}
        onFit={() => void flow.fitView({ ...FIT_VIEW, duration: 200 })}
        onPublish={() => setPublishing(true)}
        onBacktest={() => testOnPastTickets('draft')}
      />
      {publishing && (
        <PublishDialog
          onClose={() => setPublishing(false)}
          onPublish={(note) => {
            setPublishing(false);
            void publish(note);
          }}
        />
      )}
      {conflict && (
        <ConflictDialog
          revision={conflict.revision}
          comparing={comparingConflict}
          onKeepMine={() => resolveConflict('mine')}
          onTakeTheirs={() => resolveConflict('theirs')}
          onToggleDiff={() => {
            if (comparingConflict) return closeComparison();
            compareConflict(conflict.document);
            // The difference in words sits with the version comparison.
            setTab('versions');
          }}
        />
      )}
      <div className="editor-body">
        <Palette catalog={catalog} onAdd={readOnly ? () => undefined : addFromPalette} />
        <AnalyticsOverlayContext.Provider value={tab === 'analytics' ? overlay : null}>
          <FlowCanvas
            doc={comparison ? comparison.view.doc : (pathsDoc ?? doc)}
            catalog={catalogByType}
            selection={selection}
            decorations={decorations}
            editor={readOnly ? undefined : editor}
            onSelect={editor.select}
          />
        </AnalyticsOverlayContext.Provider>
        {/* "nokey": React Flow's Space (pan) and Delete keys must not act while typing here, Monaco included. */}
        <aside className="side-panel nokey">
          <nav className="tabs" role="tablist">
            {tabs.map(([id, label]) => (
              <button
                key={id}
                type="button"
                role="tab"
                aria-selected={tab === id}
                className={tab === id ? 'active' : ''}
                onClick={() => setTab(id)}
                data-testid={`tab-${id}`}
              >
                {label}
              </button>
            ))}
          </nav>
          <div className="tab-body">
            {tab === 'inspector' && (
              <Inspector
                node={comparison ? undefined : selectedNode}
                selectedCount={selectedNodes.length}
                entry={selectedNode ? catalogByType.get(selectedNode.type) : undefined}
                diagnostics={diagnostics}
                doc={doc}
                catalog={catalogByType}
                readOnly={readOnly}
                onChange={(patch) => selectedNode && editor.updateNode(selectedNode.id, patch)}
                onDelete={() => selectedNode && editor.remove(new Set([selectedNode.id]))}
              />
            )}
            {tab === 'rollout' && <RolloutPanel flowId={flowId} versions={versions} />}
            {tab === 'analytics' && (
              <FlowAnalyticsPanel
                flowId={flowId}
                versions={versions}
                labels={new Map(doc.nodes.map((n) => [n.id, n.label ?? n.id]))}
                selected={selectedNode?.id}
                onSelect={(id) => editor.select([id])}
                onOverlay={setOverlay}
              />
            )}
            {tab === 'failures' && <FailuresPanel state={failures} doc={doc} onPickNode={pick} />}
            {tab === 'problems' && (
              <ProblemsPanel diagnostics={diagnostics} onPick={pick} names={problemNames(doc, catalogByType, locale)} />
            )}
            {tab === 'versions' && (
              <>
                <VersionsPanel
                  versions={versions}
                  comparing={comparison !== null}
                  onCompare={(from, to) => void compare(from, to)}
                  onCloseCompare={closeComparison}
                  onRestore={(v) => void restore(v)}
                  onBacktest={testOnPastTickets}
                />
                {comparison && (
                  <DiffPanel
                    diff={comparison.view.diff}
                    fromLabel={refLabel(comparison.from)}
                    toLabel={refLabel(comparison.to)}
                    notes={notesBetween(versions, comparison.from, comparison.to)}
                    onPick={(id) => editor.select([id])}
                  />
                )}
              </>
            )}
            {/* Kept mounted, as the dry-run: a running job keeps being followed while another tab is open. */}
            <div hidden={tab !== 'backtest'}>
              <BacktestPanel
                flowId={flowId}
                doc={doc}
                versions={versions}
                catalog={catalogByType}
                request={backtestRequest}
                opened={backtestOpened}
                onOpen={(opened) => {
                  setBacktestOpened(opened);
                  if (opened) requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 200 }));
                }}
              />
            </div>
            {/* Kept mounted: the picked tickets and the last results survive a look at another tab. */}
            <div hidden={tab !== 'dryRun'}>
              <DryRunPanel
                flowId={flowId}
                doc={doc}
                versions={versions}
                catalog={catalogByType}
                highlighting={highlight !== null}
                onHighlight={setHighlight}
              />
            </div>
          </div>
        </aside>
      </div>
    </div>
  );
}
