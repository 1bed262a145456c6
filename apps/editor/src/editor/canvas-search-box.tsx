import type { FlowDocument } from '@switchyard/flow';
import { Search } from 'lucide-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { searchNodes } from '../model/canvas-search';

/**
 * Finds a node by its label or its config text (Ctrl/⌘+F focuses the box while the flow page is
 * open): Enter or a click on a result selects the node and centres it.
 */
export function CanvasSearchBox({
  doc,
  titleOf,
  onPick,
}: {
  doc: FlowDocument;
  titleOf: (node: FlowDocument['nodes'][number]) => string;
  onPick: (id: string) => void;
}) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const hits = useMemo(() => searchNodes(doc, query, titleOf), [doc, query, titleOf]);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const pick = (id: string) => {
    onPick(id);
    setOpen(false);
  };
  return (
    <div className="canvas-search nokey" data-testid="canvas-search">
      <Search size={14} aria-hidden />
      <input
        ref={input}
        type="search"
        value={query}
        placeholder={t('canvas.searchPlaceholder')}
        aria-label={t('canvas.search')}
        onChange={(e) => {
          setQuery(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(event) => {
          const first = hits[0];
          if (event.key === 'Enter' && first) pick(first.id);
          if (event.key === 'Escape') {
            setQuery('');
            input.current?.blur();
          }
        }}
        data-testid="canvas-search-input"
      />
      {open && query.trim() && (
        <ul className="canvas-search-results" data-testid="canvas-search-results">
          {hits.length === 0 && <li className="muted">{t('canvas.searchNone')}</li>}
          {hits.map((hit) => (
            <li key={hit.id}>
              <button
                type="button"
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(hit.id)}
                data-testid="canvas-search-hit"
                data-node-id={hit.id}
              >
                <span className="hit-title">{hit.title}</span>
                {hit.matched === 'config' && <span className="hit-excerpt">{hit.excerpt}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
