import type { FlowDocument, FlowNode } from '@switchyard/flow';
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Diagnostic } from '@switchyard/api';
import { autoLayout, NODE_WIDTH, type PortsOf } from '../model/auto-layout';
import { addNode, type Clip, connect, copyNodes, insertNode, moveNodes, pasteClip, removeElements, updateNode } from '../model/flow-edits';
import { canRedo, canUndo, checkpoint, commit, createHistory, type History, redo, replace, undo } from '../model/history';
import { freeSpot } from '../model/placement';
import { useAutosave } from './use-autosave';

/** Edits to the same field closer together than this are one undo step. */
const COALESCE_MS = 1000;

/** The config keys a patch changes on a node: typing in "keywords" and then in "source" are two steps. */
function changedConfigKeys(doc: FlowDocument, id: string, patch: Partial<Pick<FlowNode, 'config'>>): string[] {
  const before = doc.nodes.find((n) => n.id === id)?.config ?? {};
  const after = patch.config ?? before;
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => before[k] !== after[k]).sort();
}

/**
 * The editing state of one flow: the document with undo/redo, the selection, the clipboard,
 * and the autosaved draft (its diagnostics, a conflict with someone else's save). Components call these operations; none edits the document itself.
 */
export function useFlowEditor(
  flowId: string,
  initial: FlowDocument,
  initialRevision: number,
  initialDiagnostics: readonly Diagnostic[] | undefined,
) {
  const [history, setHistory] = useState<History<FlowDocument>>(() => createHistory(initial));
  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set());
  const clipboard = useRef<Clip | null>(null);
  const lastUpdate = useRef<{ key: string; at: number } | null>(null);
  const moveStarting = useRef(false);
  const doc = history.present;
  // Copy and paste read the document of the last render; keyboard handlers outlive renders.
  const latest = useRef(doc);
  latest.current = doc;
  const autosave = useAutosave(flowId, doc, initialRevision, initialDiagnostics);

  const edit = useCallback((change: (doc: FlowDocument) => FlowDocument) => {
    lastUpdate.current = null;
    setHistory((h) => commit(h, change(h.present)));
  }, []);

  const operations = useMemo(
    () => ({
      edit,
      /** A drag starts: the first move remembers where nodes were, so the whole drag undoes in one step. */
      beginMove: () => {
        moveStarting.current = true;
      },
      /** Positions while dragging, without an undo step each. */
      move: (positions: ReadonlyMap<string, FlowNode['position']>) => {
        // A click that React Flow reports as a drag but moves nothing leaves no empty undo step.
        const first = moveStarting.current;
        moveStarting.current = false;
        lastUpdate.current = null;
        setHistory((h) => replace(first ? checkpoint(h) : h, moveNodes(h.present, positions)));
      },
      /** Adds a node of a type and selects it, so the inspector opens on it. */
      add: (type: string, position: FlowNode['position']) => {
        const added = addNode(latest.current, type, position);
        setHistory((h) => commit(h, added.doc));
        setSelection(new Set([added.id]));
      },
      /** Adds a node wired from another's port (placement.ts chose both): one undo step; selects it. */
      insert: (type: string, position: FlowNode['position'], wireFrom?: { readonly source: string; readonly port: string }) => {
        const added = insertNode(latest.current, type, position, wireFrom);
        setHistory((h) => commit(h, added.doc));
        setSelection(new Set([added.id]));
        return added.id;
      },
      /** A copy of one node in the nearest free spot beside it, unwired, selected. */
      duplicate: (id: string) => {
        const clip = copyNodes(latest.current, new Set([id]));
        const original = clip.nodes[0];
        if (!original) return;
        const spot = freeSpot(latest.current, { x: original.position.x + NODE_WIDTH + 28, y: original.position.y });
        const result = pasteClip(latest.current, clip, { x: spot.x - original.position.x, y: spot.y - original.position.y });
        setHistory((h) => commit(h, result.doc));
        setSelection(new Set(result.ids));
      },
      connect: (source: string, sourceHandle: string, target: string) => edit((d) => connect(d, source, sourceHandle, target)),
      /**
       * Changes a node's label or config. Typing into one field is one undo step, not one per
       * key: a change to the same node and fields within a second replaces the last step.
       */
      updateNode: (id: string, patch: Partial<Pick<FlowNode, 'label' | 'config'>>) => {
        const key = `${id}\u0000${Object.keys(patch).join()}\u0000${changedConfigKeys(latest.current, id, patch).join()}`;
        const now = Date.now();
        const coalesce = lastUpdate.current?.key === key && now - lastUpdate.current.at < COALESCE_MS;
        lastUpdate.current = { key, at: now };
        setHistory((h) => (coalesce ? replace(h, updateNode(h.present, id, patch)) : commit(h, updateNode(h.present, id, patch))));
      },
      remove: (ids: ReadonlySet<string>) => {
        edit((d) =>
          removeElements(
            d,
            new Set(d.nodes.filter((n) => ids.has(n.id)).map((n) => n.id)),
            new Set(d.edges.filter((e) => ids.has(e.id)).map((e) => e.id)),
          ),
        );
        setSelection(new Set());
      },
      /**
       * Tidy up: lays the whole flow out again (the only time positions change without a hand moving
       * them). Only positions change, so an edit made while the layout ran is kept.
       */
      layout: async (portsOf: PortsOf) => {
        const laid = await autoLayout(latest.current, portsOf);
        const positions = new Map(laid.doc.nodes.map((n) => [n.id, n.position]));
        edit((d) => moveNodes(d, positions));
      },
      undo: () => {
        lastUpdate.current = null;
        setHistory(undo);
      },
      redo: () => {
        lastUpdate.current = null;
        setHistory(redo);
      },
      /** Replaces the whole draft (restoring a version) as one undoable step. */
      replaceDocument: (next: FlowDocument) => edit(() => next),
      select: (ids: Iterable<string>) => setSelection(new Set(ids)),
      copy: (ids: ReadonlySet<string>) => {
        clipboard.current = copyNodes(latest.current, ids);
      },
      paste: () => {
        const clip = clipboard.current;
        if (!clip || clip.nodes.length === 0) return;
        const result = pasteClip(latest.current, clip);
        setHistory((h) => commit(h, result.doc));
        setSelection(new Set(result.ids));
        // Paste again and the next copy lands further down, not on top of this one.
        clipboard.current = {
          nodes: clip.nodes.map((n) => ({ ...n, position: { x: n.position.x + 40, y: n.position.y + 40 } })),
          edges: clip.edges,
        };
      },
    }),
    [edit],
  );

  return {
    doc,
    selection,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    ...operations,
    ...autosave,
  };
}

export type FlowEditor = ReturnType<typeof useFlowEditor>;
