import { useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogEntry } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { NodeIcon } from './node-icon';
import { portLabel } from './port-label';

/** Where the quick-add list opens (canvas pixels) and what the chosen node is wired from. */
export interface QuickAddRequest {
  readonly left: number;
  readonly top: number;
  readonly after: string;
  readonly port?: string | undefined;
}

/**
 * The palette in a small pop-up where a wire was dropped or "add after" was chosen: type to filter,
 * Enter or a click adds the node, wired; Escape or a click elsewhere closes it. Triggers are left
 * out: nothing can lead into one.
 */
export function QuickAdd({
  request,
  catalog,
  onPick,
  onClose,
}: {
  request: QuickAddRequest;
  catalog: readonly CatalogEntry[];
  onPick: (type: string) => void;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const entries = useMemo(() => {
    const q = query.trim().toLowerCase();
    return catalog
      .filter((e) => e.kind !== 'trigger')
      .filter((e) => !q || e.title[locale].toLowerCase().includes(q) || e.title.en.toLowerCase().includes(q) || e.type.includes(q));
  }, [catalog, query, locale]);
  return (
    <div
      className="quick-add nokey nowheel"
      style={{ left: request.left, top: request.top }}
      data-testid="quick-add"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <div className="quick-add-title">
        {request.port ? t('canvas.quickAddFrom', { port: portLabel(request.port, locale) }) : t('canvas.quickAdd')}
      </div>
      <input
        ref={input}
        type="search"
        value={query}
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(event) => {
          const first = entries[0];
          if (event.key === 'Enter' && first) onPick(first.type);
        }}
        data-testid="quick-add-search"
      />
      <ul>
        {entries.map((entry) => (
          <li key={entry.type}>
            <button
              type="button"
              className={`kind-${entry.kind}`}
              onClick={() => onPick(entry.type)}
              data-testid={`quick-add-${entry.type}`}
            >
              <NodeIcon name={entry.icon} kind={entry.kind} />
              <span>{entry.title[locale]}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
