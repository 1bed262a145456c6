import type { FlowDocument } from '@switchyard/flow';
import {
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import { type DragEvent, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { CatalogEntry } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { type CanvasContext, type CanvasEdge, type CanvasNode, toCanvasEdges, toCanvasNodes } from '../model/flow-to-canvas';
import { FlowEdgeView } from './flow-edge';
import { FlowNodeView } from './flow-node';
import { PALETTE_DRAG_TYPE } from './palette';
import type { FlowEditor } from './use-flow-editor';

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
/** Below this zoom text is too small to read: nodes drop it (and their shadows) so panning paints less. */
const DETAIL_ZOOM = 0.45;
/** Past this many nodes only what is on screen is drawn: panning a 500-node flow stays smooth. */
const VISIBLE_ONLY_FROM = 150;

const minimapColour = (node: CanvasNode): string => (node.data.kind ? KIND_COLOURS[node.data.kind] : undefined) ?? '#adb5bd';

function allowDrop(event: DragEvent): void {
  event.preventDefault();
  event.dataTransfer.dropEffect = 'move';
}

export type CanvasDecorations = Omit<CanvasContext, 'catalog' | 'locale' | 'selected'>;

interface FlowCanvasProps {
  readonly doc: FlowDocument;
  readonly catalog: ReadonlyMap<string, CatalogEntry>;
  readonly selection: ReadonlySet<string>;
  readonly decorations: CanvasDecorations;
  /** Absent in read-only views (a comparison). */
  readonly editor?: FlowEditor | undefined;
  readonly onSelect?: (ids: ReadonlySet<string>) => void;
}

/** The React Flow canvas for a flow document: draws it, and turns gestures into editor operations. */
export function FlowCanvas({ doc, catalog, selection, decorations, editor, onSelect }: FlowCanvasProps) {
  const { locale } = useI18n();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const context = useMemo<CanvasContext>(
    () => ({ ...decorations, catalog, locale, selected: selection }),
    [decorations, catalog, locale, selection],
  );
  // Nodes live in state so React Flow's measured sizes survive; they are re-derived from the document.
  const [nodes, setNodes] = useState<CanvasNode[]>([]);
  const [edges, setEdges] = useState<CanvasEdge[]>([]);
  useLayoutEffect(() => setNodes((previous) => toCanvasNodes(doc, context, previous)), [doc, context]);
  useLayoutEffect(() => setEdges((previous) => toCanvasEdges(doc, context, previous)), [doc, context]);
  // Fit what is there when the flow opens; an empty flow keeps 100% so the first node is not blown up.
  const [fitOnOpen] = useState(() => doc.nodes.length > 0);
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
      if (sizes.length) setNodes((current) => applyNodeChanges(sizes, current));
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
      // The drop point is where the pointer is: centre the new node's header on it.
      editorRef.current.add(type, { x: position.x - 110, y: position.y - 20 });
    },
    [flow],
  );

  const beginMove = useCallback(() => editorRef.current?.beginMove(), []);
  const onDelete = useCallback(
    ({ nodes: gone, edges: cut }: { nodes: CanvasNode[]; edges: CanvasEdge[] }) =>
      editorRef.current?.remove(new Set([...gone.map((n) => n.id), ...cut.map((e) => e.id)])),
    [],
  );
  const zoomedOut = useStore((state) => state.transform[2] < DETAIL_ZOOM);
  return (
    <div className={`canvas ${zoomedOut ? 'zoomed-out' : ''}`} data-testid="canvas" data-node-count={doc.nodes.length}>
      <ReactFlow<CanvasNode, CanvasEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        edgeTypes={EDGE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        isValidConnection={isValidConnection}
        onNodeDragStart={beginMove}
        onSelectionDragStart={beginMove}
        onDelete={onDelete}
        onDragOver={allowDrop}
        onDrop={onDrop}
        nodesDraggable={!readOnly}
        nodesConnectable={!readOnly}
        deleteKeyCode={readOnly ? null : ['Delete', 'Backspace']}
        multiSelectionKeyCode={['Meta', 'Control']}
        selectionKeyCode="Shift"
        onlyRenderVisibleElements={doc.nodes.length >= VISIBLE_ONLY_FROM}
        minZoom={0.05}
        fitView={fitOnOpen}
        fitViewOptions={FIT_VIEW}
        defaultEdgeOptions={{ type: 'flow' }}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={20} />
        <MiniMap pannable zoomable nodeColor={minimapColour} />
        <Controls showInteractive={false} fitViewOptions={FIT_VIEW} />
      </ReactFlow>
    </div>
  );
}
