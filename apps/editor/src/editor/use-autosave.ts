import type { FlowDocument } from '@switchyard/flow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/api-client';
import type { Diagnostic } from '../api/schemas';

/** Where the draft stands against the server. */
export type SaveState = { readonly status: 'saved' | 'saving' | 'dirty' } | { readonly status: 'error'; readonly message: string };

/** Typing a keyword should not send a request per key; half a second after the last change is soon enough. */
const DEBOUNCE_MS = 500;

/**
 * Saves the draft half a second after it last changed (the server keeps it even when invalid)
 * and hands back the diagnostics each save returns. `flush` saves now, for publish and dry-run.
 */
export function useAutosave(flowId: string, doc: FlowDocument, initialDiagnostics: readonly Diagnostic[] | undefined) {
  const [state, setState] = useState<SaveState>({ status: 'saved' });
  const [diagnostics, setDiagnostics] = useState<readonly Diagnostic[]>(initialDiagnostics ?? []);
  const saved = useRef<FlowDocument | null>(null);
  const latest = useRef(doc);
  const inFlight = useRef<Promise<void>>(Promise.resolve());
  latest.current = doc;

  const save = useCallback((): Promise<void> => {
    // One save at a time, in order: a slow early save must not overwrite a later one.
    inFlight.current = inFlight.current.then(async () => {
      const current = latest.current;
      if (current === saved.current) return;
      setState({ status: 'saving' });
      try {
        const result = await api.saveDraft(flowId, current);
        saved.current = current;
        setDiagnostics(result.diagnostics);
        setState({ status: latest.current === current ? 'saved' : 'dirty' });
      } catch (error) {
        setState({ status: 'error', message: error instanceof Error ? error.message : String(error) });
      }
    });
    return inFlight.current;
  }, [flowId]);

  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      // The loaded draft is what the server has. When its answer carried no diagnostics, one
      // save of the unchanged draft asks for them (PUT is idempotent).
      if (initialDiagnostics === undefined) void save();
      else saved.current = doc;
      return;
    }
    if (doc === saved.current) return;
    setState({ status: 'dirty' });
    const timer = setTimeout(() => void save(), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [doc, save, initialDiagnostics]);

  // Leaving the page (another flow, the list) saves what the debounce had not sent yet;
  // closing the tab with unsaved changes asks first.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current !== saved.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (latest.current !== saved.current) void save();
    };
  }, [save]);

  return { saveState: state, diagnostics, setDiagnostics, flush: save };
}
