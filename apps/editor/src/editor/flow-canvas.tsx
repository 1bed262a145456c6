import type { FlowDocument } from '@switchyard/flow';
import {
  applyNodeChanges,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type OnConnectEnd,
  ReactFlow,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import {
  type DragEvent,
  type MouseEvent as ReactMouseEvent,
  type RefObject,
  startTransition,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { CatalogEntry } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { NODE_HEIGHT, NODE_WIDTH } from '../model/auto-layout';
import { type CanvasContext, type CanvasEdge, type CanvasNode, toCanvasEdges, toCanvasNodes } from '../model/flow-to-canvas';
import { initialViewport, OPEN_ZOOM, READABLE_ZOOM } from '../model/initial-viewport';
import { freeSpot } from '../model/placement';
import { CanvasDots } from './canvas-dots';
import { CanvasSearchBox } from './canvas-search-box';
import { EmptyCanvas } from './empty-canvas';
import { FlowEdgeView } from './flow-edge';
import { FlowNodeView } from './flow-node';
import { NodeMenu, type NodeMenuRequest } from './node-menu';
import { PALETTE_DRAG_TYPE } from './palette';
import { QuickAdd, type QuickAddRequest } from './quick-add';
import { useEdgeRoutes } from './use-edge-routes';
import type { FlowEditor } from './use-flow-editor';
import { useNodePlacement } from './use-node-placement';

const NODE_TYPES = { flow: FlowNodeView };
const EDGE_TYPES = { flow: FlowEdgeView };
const KIND_COLOURS: Readonly<Record<string, string>> = {
  trigger: '#2f9e44',
  condition: '#f59f00',
  action: '#1c7ed6',
  wait: '#7048e8',
  end: '#868e96',
};
/** A flow of two nodes should not fill the screen at 200%: fitting never zooms past life size. */
export const FIT_VIEW = { maxZoom: 1, padding: 0.15 } as const;
/** After "tidy up": fitted, but never below the zoom where labels stay readable (a big flow shows its middle). */
export const TIDY_FIT = { ...FIT_VIEW, minZoom: READABLE_ZOOM } as const;
/**
 * Below this zoom a node's 14px title would read smaller than 9px: nodes drop their details (and
 * shadows, so panning paints less) and show their label alone, drawn large (`.far-label`).
 */
export const DETAIL_ZOOM = 0.65;
/** Past this many nodes only what is on screen is drawn: panning a 500-node flow stays smooth. */
const VISIBLE_ONLY_FROM = 150;
/*
 * Objects and arrays handed to <ReactFlow> are module constants: React Flow copies each changed
 * prop into its store, and a new `defaultEdgeOptions` object per render re-rendered every edge on
 * every drag frame (profile: all 500 EdgeWrappers per frame; reactflow.dev/learn/advanced-use/performance).
 */
const DEFAULT_EDGE_OPTIONS = { type: 'flow' } as const;
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECTION_KEYS = ['Meta', 'Control'];
const PRO_OPTIONS = { hideAttribution: true } as const;

/** The React Flow nodes and edges drawn for one document and its decorations. */
interface Drawn {
  readonly doc: FlowDocument;
  readonly context: CanvasContext;
  readonly nodes: CanvasNode[];
  readonly edges: CanvasEdge[];
}

const minimapColour = (node: CanvasNode): string => (node.data.kind ? KIND_COLOURS[node.data.kind] : undefined) ?? '#adb5bd';

function allowDrop(event: DragEvent): void {
  event.preventDefault();
  event.dataTransfer.dropEffect = 'move';
}

export type CanvasDecorations = Omit<CanvasContext, 'catalog' | 'locale' | 'selected' | 'routes'>;

/** Keeps `--zoom` on the canvas element current, so the far label's size follows the zoom without redrawing a node. */
function ZoomVariable({ target }: { target: RefObject<HTMLDivElement | null> }) {
  const zoom = useStore((state) => state.transform[2]);
  useLayoutEffect(() => target.current?.style.setProperty('--zoom', String(zoom)), [target, zoom]);
  return null;
}

/** Room a pop-up takes (quick-add is the larger): it opens where the pointer is, moved in to stay whole on the canvas. */
const POPUP = { width: 250, height: 340 };

/** The pointer's place inside an element, for a pop-up opened there. */
function within(element: HTMLElement | null, event: { clientX: number; clientY: number }): { left: number; top: number } {
  const box = element?.getBoundingClientRect();
  const left = event.clientX - (box?.left ?? 0);
  const top = event.clientY - (box?.top ?? 0);
  return {
    left: Math.max(4, Math.min(left, (box?.width ?? left) - POPUP.width)),
    top: Math.max(4, Math.min(top, (box?.height ?? top) - POPUP.height)),
  };
}

interface FlowCanvasProps {
  readonly doc: FlowDocument;
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
  readonly selection: ReadonlySet<string>;
  readonly decorations: CanvasDecorations;
  /** Absent in read-only views (a comparison). */
  readonly editor?: FlowEditor | undefined;
  readonly onSelect?: (ids: ReadonlySet<string>) => void;
  /** Where to open instead of the flow's start (a ticket's trace opens on the nodes that decided). */
  readonly openAt?: ((canvas: { width: number; height: number }) => { x: number; y: number; zoom: number } | undefined) | undefined;
}

/** The React Flow canvas for a flow document: draws it, and turns gestures into editor operations. */
export function FlowCanvas({ doc, catalog, selection, decorations, editor, onSelect, openAt }: FlowCanvasProps) {
  const { locale } = useI18n();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const routes = useEdgeRoutes(doc, catalog);
  const context = useMemo<CanvasContext>(
    () => ({ ...decorations, catalog, locale, selected: selection, routes }),
    [decorations, catalog, locale, selection, routes],
  );
  const catalogList = useMemo(() => [...catalog.values()], [catalog]);
  const container = useRef<HTMLDivElement>(null);
  const { addNode, reveal } = useNodePlacement(editor, doc, catalog);
  const [quickAdd, setQuickAdd] = useState<QuickAddRequest | null>(null);
  const [menu, setMenu] = useState<NodeMenuRequest | null>(null);
  const closePopups = useCallback(() => {
    setQuickAdd(null);
    setMenu(null);
  }, []);
  // Nodes live in state so React Flow's measured sizes survive; they are re-derived from the document
  // while rendering (not in an effect): a drag frame is then one commit, not one more per derived array.
  const [drawn, setDrawn] = useState<Drawn>(() => ({
    doc,
    context,
    nodes: toCanvasNodes(doc, context),
    edges: toCanvasEdges(doc, context),
  }));
  let current = drawn;
  if (drawn.doc !== doc || drawn.context !== context) {
    current = {
      doc,
      context,
      nodes: toCanvasNodes(doc, context, drawn.nodes),
      edges: toCanvasEdges(doc, context, drawn.edges),
    };
    setDrawn(current);
  }
  const { nodes, edges } = current;
  // The minimap earns its corner only on a flow too big to see whole.
  const [showMiniMap, setShowMiniMap] = useState(false);
  // Handlers read the latest editor, document and selection through refs: they stay the same
  // functions across renders, so a drag frame does not hand React Flow a new set of props.
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const editorRef = useRef(editor);
  editorRef.current = editor;
  const docRef = useRef(doc);
  docRef.current = doc;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const readOnly = !editor;

  const select = useCallback((changes: readonly (NodeChange<CanvasNode> | EdgeChange<CanvasEdge>)[]) => {
    const next = new Set(selectionRef.current);
    let touched = false;
    for (const change of changes) {
      if (change.type !== 'select') continue;
      touched = true;
      if (change.selected) next.add(change.id);
      else next.delete(change.id);
    }
    if (touched) (onSelectRef.current ?? editorRef.current?.select)?.(next);
  }, []);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const sizes = changes.filter((c) => c.type === 'dimensions');
      if (sizes.length) setDrawn((before) => ({ ...before, nodes: applyNodeChanges(sizes, before.nodes) }));
      const positions = new Map<string, { x: number; y: number }>();
      for (const c of changes) if (c.type === 'position' && c.position) positions.set(c.id, c.position);
      if (positions.size) editorRef.current?.move(positions);
      select(changes);
    },
    [select],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => select(changes), [select]);

  const onConnect = useCallback((c: Connection) => {
    if (c.sourceHandle) editorRef.current?.connect(c.source, c.sourceHandle, c.target);
  }, []);

  const isValidConnection = useCallback(
    (c: Connection | CanvasEdge) => {
      if (c.source === c.target || !c.sourceHandle) return false;
      const target = docRef.current.nodes.find((n) => n.id === c.target);
      return catalog.get(target?.type ?? '')?.kind !== 'trigger';
    },
    [catalog],
  );

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_DRAG_TYPE);
      if (!type || !editorRef.current) return;
      event.preventDefault();
      const position = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // The drop point is where the pointer is: centre the new node's header on it, or the nearest free spot.
      editorRef.current.add(type, freeSpot(docRef.current, { x: position.x - NODE_WIDTH / 2, y: position.y - 20 }));
    },
    [flow],
  );

  // Opens where a flow reads best: whole if its labels stay readable, else on its trigger (initial-viewport.ts).
  const onInit = useCallback(() => {
    const box = container.current?.getBoundingClientRect();
    if (!box) return;
    const types = catalog;
    const view = initialViewport(docRef.current, box, (node) => types.get(node.type)?.kind === 'trigger');
    const asked = openAt?.({ width: box.width, height: box.height });
    void flow.setViewport(asked ?? { x: view.x, y: view.y, zoom: view.zoom });
    // A transition: the minimap draws every node (1,000 elements for 500 nodes) after the canvas's first frame, not before it.
    startTransition(() => setShowMiniMap(!view.fitted));
  }, [flow, catalog, openAt]);

  // A wire dropped on empty canvas offers the palette there; the chosen node is wired from that port.
  const onConnectEnd = useCallback<OnConnectEnd>((event, state) => {
    if (!editorRef.current || state.isValid || state.toNode || !state.fromNode || !state.fromHandle?.id) return;
    if (state.fromHandle.type !== 'source') return;
    const point = 'changedTouches' in event ? event.changedTouches[0] : event;
    if (!point) return;
    setMenu(null);
    setQuickAdd({ ...within(container.current, point), after: state.fromNode.id, port: state.fromHandle.id });
  }, []);

  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: CanvasNode) => {
    if (!editorRef.current) return;
    event.preventDefault();
    setQuickAdd(null);
    (onSelectRef.current ?? editorRef.current.select)(new Set([node.id]));
    setMenu({ ...within(container.current, event), nodeId: node.id });
  }, []);

  const pickFound = useCallback(
    (id: string) => {
      const node = docRef.current.nodes.find((n) => n.id === id);
      if (!node) return;
      (onSelectRef.current ?? editorRef.current?.select)?.(new Set([id]));
      const zoom = Math.max(flow.getZoom(), OPEN_ZOOM);
      void flow.setCenter(node.position.x + NODE_WIDTH / 2, node.position.y + NODE_HEIGHT / 2, { zoom, duration: 250 });
    },
    [flow],
  );
  const titleOf = useCallback(
    (node: FlowDocument['nodes'][number]) => node.label || catalog.get(node.type)?.title[locale] || node.type,
    [catalog, locale],
  );
  // Escape closes a pop-up wherever the focus is.
  useEffect(() => {
    if (!quickAdd && !menu) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closePopups();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [quickAdd, menu, closePopups]);

  // While the view moves, the drawing is a composited layer the compositor shifts (`.canvas[data-moving]`
  // in styles.css): no repaint per frame. Only then: a layer scaled by a zoom would blur its text.
  // An attribute, not a class: React owns the class and would drop it on the next render.
  const onMoveStart = useCallback(() => {
    closePopups();
    container.current?.setAttribute('data-moving', '');
  }, [closePopups]);
  const onMoveEnd = useCallback(() => container.current?.removeAttribute('data-moving'), []);

  const beginMove = useCallback(() => editorRef.current?.beginMove(), []);
  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: CanvasNode[]; edges: CanvasEdge[] }) =>
      editorRef.current?.remove(new Set([...gone.map((n) => n.id), ...cut.map((e) => e.id)])),
    [],
  );
  const zoomedOut = useStore((state) => state.transform[2] < DETAIL_ZOOM);
  const menuNode = menu ? doc.nodes.find((n) => n.id === menu.nodeId) : undefined;
  return (
    <div ref={container} className={`canvas ${zoomedOut ? 'zoomed-out' : ''}`} data-testid="canvas" data-node-count={doc.nodes.length}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onInit={onInit}
        onNodeContextMenu={onNodeContextMenu}
        onPaneClick={closePopups}
        onMoveStart={onMoveStart}
        onMoveEnd={onMoveEnd}
        onNodeDragStart={beginMove}
        onSelectionDragStart={beginMove}
        onDelete={onDelete}
        onDragOver={allowDrop}
        onDrop={onDrop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : DELETE_KEYS}
        multiSelectionKeyCode={MULTI_SELECTION_KEYS}
        selectionKeyCode="Shift"
        onlyRenderVisibleElements={doc.nodes.length >= VISIBLE_ONLY_FROM}
        minZoom={0.05}
        defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
        proOptions={PRO_OPTIONS}
      >
        <CanvasDots />
        {showMiniMap && <MiniMap pannable zoomable nodeColor={minimapColour} />}
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} position="top-right" orientation="horizontal" />
        <ZoomVariable target={container} />
      </ReactFlow>
      {doc.nodes.length > 0 && <CanvasSearchBox doc={doc} titleOf={titleOf} onPick={pickFound} />}
      {doc.nodes.length === 0 && editor && <EmptyCanvas catalog={catalogList} onAdd={(type) => addNode(type)} />}
      {quickAdd && (
        <QuickAdd
          request={quickAdd}
          catalog={catalogList}
          onClose={closePopups}
          onPick={(type) => {
            addNode(type, { after: quickAdd.after, port: quickAdd.port });
            closePopups();
          }}
        />
      )}
      {menu && menuNode && (
        <NodeMenu
          request={menu}
          canAddAfter={(catalog.get(menuNode.type)?.ports.length ?? 0) > 0}
          onAddAfter={() => {
            setMenu(null);
            setQuickAdd({ left: menu.left, top: menu.top, after: menu.nodeId });
          }}
          onDuplicate={() => {
            const copy = editor?.duplicate(menu.nodeId);
            if (copy) reveal(copy);
            closePopups();
          }}
          onDelete={() => {
            editor?.remove(new Set([menu.nodeId]));
            closePopups();
          }}
        />
      )}
    </div>
  );
}
