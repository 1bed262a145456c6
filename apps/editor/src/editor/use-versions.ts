import type { FlowDocument } from '@switchyard/flow';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, type VersionSummary } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages-en';
import type { MessageParams } from '../i18n/translate';
import { type DiffView, diffView } from '../model/flow-diff';
import { publishDraft } from '../model/publish-draft';
import type { VersionRef } from '../panels/versions-panel';
import type { FlowEditor } from './use-flow-editor';

/** A message in the toolbar: a UI text by key (so it follows the language switch), or a server's words. */
export type Notice = ({ readonly key: MessageKey; readonly params?: MessageParams } | { readonly text: string }) & {
  readonly tone: 'ok' | 'error';
};

/** A side of a comparison: a version, the draft, or in a save conflict the server's draft and mine. */
export type ComparedSide = VersionRef | 'theirs' | 'mine';

/** Two documents drawn as one, with the sides' names. */
export interface Comparison {
  readonly view: DiffView;
  readonly from: ComparedSide;
  readonly to: ComparedSide;
}

const errorNotice = (error: unknown): Notice => ({ text: error instanceof Error ? error.message : String(error), tone: 'error' });

/**
 * Publishing, the version list, comparing two versions (or a version and the draft) and
 * restoring a version into the draft. Published versions never change, so their documents are cached.
 */
export function useVersions(
  flowId: string,
  editor: FlowEditor,
  initial: readonly VersionSummary[],
  hooks: { onRefused: () => void; onCompared: () => void },
) {
  const [versions, setVersions] = useState(initial);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const cache = useRef(new Map<number, FlowDocument>());
  const { doc } = editor;
  // "Publish refused" stops being true once the problems are fixed.
  const valid = editor.diagnostics.length === 0;
  useEffect(() => {
    if (valid) setNotice((current) => (current && 'key' in current && current.key === 'toolbar.publishRefused' ? null : current));
  }, [valid]);

  const load = useCallback(
    async (ref: VersionRef): Promise<FlowDocument> => {
      if (ref === 'draft') return doc;
      const cached = cache.current.get(ref);
      if (cached) return cached;
      const version = await api.getVersion(flowId, ref);
      cache.current.set(ref, version.document);
      return version.document;
    },
    [doc, flowId],
  );

  // The draft is saved first and exactly that revision is published: never after a failed save.
  async function publish(note?: string) {
    const outcome = await publishDraft(editor.flush, (revision) => api.publish(flowId, revision, note));
    if (outcome.kind === 'notSaved') {
      setNotice({ key: 'toolbar.publishNotSaved', tone: 'error' });
      return;
    }
    if (outcome.kind === 'refused') {
      const refusal = outcome.error instanceof ApiError ? outcome.error : undefined;
      const conflict = refusal?.draftConflict();
      if (conflict) {
        editor.reportConflict(conflict);
        setNotice({ key: 'toolbar.publishNotSaved', tone: 'error' });
        return;
      }
      const problems = refusal?.diagnostics() ?? [];
      if (problems.length) editor.setDiagnostics(problems);
      hooks.onRefused();
      setNotice(problems.length ? { key: 'toolbar.publishRefused', tone: 'error' } : errorNotice(outcome.error));
      return;
    }
    setNotice({ key: 'toolbar.published', params: { version: outcome.published.version }, tone: 'ok' });
    try {
      setVersions((await api.getFlow(flowId)).versions);
    } catch (error) {
      setNotice(errorNotice(error));
    }
  }

  /** In a save conflict: the server's draft against mine, on the canvas. */
  function compareConflict(theirs: FlowDocument) {
    setComparison({ view: diffView(theirs, doc), from: 'theirs', to: 'mine' });
    hooks.onCompared();
  }

  async function compare(from: VersionRef, to: VersionRef) {
    try {
      const [a, b] = await Promise.all([load(from), load(to)]);
      setComparison({ view: diffView(a, b), from, to });
      hooks.onCompared();
    } catch (error) {
      setNotice(errorNotice(error));
    }
  }

  async function restore(version: number) {
    try {
      const restored = await load(version);
      // The draft keeps its own id: the version's content comes back, not its identity.
      editor.replaceDocument({ ...restored, id: doc.id });
      setComparison(null);
      setNotice({ key: 'versions.restored', params: { version }, tone: 'ok' });
    } catch (error) {
      setNotice(errorNotice(error));
    }
  }

  return { versions, comparison, closeComparison: () => setComparison(null), notice, publish, compare, compareConflict, restore };
}

/** The toolbar text of a notice in the current language. */
export function useNoticeText(notice: Notice | null): { text: string; tone: 'ok' | 'error' } | null {
  const { t } = useI18n();
  return notice && { text: 'key' in notice ? t(notice.key, notice.params) : notice.text, tone: notice.tone };
}
