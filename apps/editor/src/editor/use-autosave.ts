import type { FlowDocument } from '@switchyard/flow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type Diagnostic, type DraftConflict } from '@switchyard/api';
import { api } from '../api/api-client';
import { type Autosaver, createAutosaver, type SaveState } from '../model/autosaver';

export type { SaveState } from '../model/autosaver';

/**
 * Connects the draft's autosaver (`createAutosaver`) to React: the document goes in on every
 * change, the save state, the diagnostics of each save and a conflict (someone else saved the
 * draft since our revision) come out. `flush` saves now and rejects when that fails, so publish
 * and dry-run never act on a draft the server does not have.
 */
export function useAutosave(flowId: string, doc: FlowDocument, revision: number, initialDiagnostics: readonly Diagnostic[] | undefined) {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>(initialDiagnostics ?? []);
  const [conflict, setConflict] = useState<DraftConflict | null>(null);
  const saverRef = useRef<Autosaver<FlowDocument, DraftConflict> | null>(null);
  const latest = useRef(doc);
  latest.current = doc;
  // What the server had when the page loaded; the autosaver keeps track from there.
  const loaded = useRef({ doc, revision, needsDiagnostics: initialDiagnostics === undefined });

  // Created and destroyed by an effect (xyflow style), so StrictMode's second mount gets a live one.
  useEffect(() => {
    const saver = createAutosaver({
      save: (document: FlowDocument, base: number) => api.saveDraft(flowId, document, base),
      // Without diagnostics from the load, one save of the unchanged draft asks for them.
      saved: loaded.current.needsDiagnostics ? null : loaded.current.doc,
      revision: loaded.current.revision,
      conflictOf: (error) => (error instanceof ApiError ? error.draftConflict() : undefined),
      onState: setState,
      onSaved: (result) => {
        loaded.current = { ...loaded.current, revision: result.revision, needsDiagnostics: false };
        setDiagnostics(result.diagnostics);
      },
      onConflict: setConflict,
    });
    saverRef.current = saver;
    saver.schedule(latest.current);
    // Closing the tab with unsaved changes asks first.
    const warn = (event: BeforeUnloadEvent) => {
      if (saver.unsaved()) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the page (another flow, the list) saves what the debounce had not sent yet.
      if (saver.unsaved() && saver.state().status !== 'conflict') saver.flush().catch(() => undefined);
      saver.destroy();
      saverRef.current = null;
    };
  }, [flowId]);

  useEffect(() => saverRef.current?.schedule(doc), [doc]);

  const flush = useCallback(
    (): Promise<{ readonly revision: number }> => saverRef.current?.flush() ?? Promise.reject(new Error('the editor is closing')),
    [],
  );
  /** Keep mine over theirs: saved on top of the server's revision. */
  const keepMine = useCallback(async () => {
    if (!conflict) return;
    setConflict(null);
    await saverRef.current?.keepMine(conflict.revision).catch(() => undefined);
  }, [conflict]);
  /** Take theirs: the caller puts the returned document in the editor; it is what the server has. */
  const takeTheirs = useCallback((): FlowDocument | undefined => {
    if (!conflict) return undefined;
    setConflict(null);
    saverRef.current?.takeTheirs(conflict.document, conflict.revision);
    return conflict.document;
  }, [conflict]);
  /** A publish found the draft moved on: show it as a conflict, as a refused save would. */
  const reportConflict = useCallback((found: DraftConflict) => saverRef.current?.conflict(found), []);

  return { saveState: state, diagnostics, setDiagnostics, flush, conflict, keepMine, takeTheirs, reportConflict };
}
