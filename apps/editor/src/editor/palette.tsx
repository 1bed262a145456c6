import { memo, useMemo, useState } from 'react';
import type { CatalogEntry } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import type { NodeKindName } from '../model/flow-to-canvas';
import { NodeIcon } from './node-icon';

/** The drag payload's type: the node type name travels in it from the palette to the canvas. */
export const PALETTE_DRAG_TYPE = 'application/x-switchyard-node';

const KIND_ORDER: readonly NodeKindName[] = ['trigger', 'condition', 'action', 'wait', 'end'];

/** Node types from the catalog, grouped by kind, with search; drag onto the canvas or double-click to add. */
export const Palette = memo(function Palette({ catalog, onAdd }: { catalog: readonly CatalogEntry[]; onAdd: (type: string) => void }) {
  const { t, locale } = useI18n();
  const [query, setQuery] = useState('');
  const groups = useMemo(() => {
    const q = query.trim().toLowerCase();
    const matches = catalog.filter(
      (e) =>
        !q ||
        e.type.toLowerCase().includes(q) ||
        e.title.en.toLowerCase().includes(q) ||
        e.title['zh-CN'].includes(q) ||
        (e.description?.[locale] ?? '').toLowerCase().includes(q),
    );
    return KIND_ORDER.map((kind) => ({ kind, entries: matches.filter((e) => e.kind === kind) })).filter((g) => g.entries.length > 0);
  }, [catalog, query, locale]);

  return (
    <aside className="palette" data-testid="palette">
      <h2>{t('palette.title')}</h2>
      <input
        type="search"
        placeholder={t('palette.search')}
        aria-label={t('palette.search')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid="palette-search"
      />
      <p className="muted small">{t('palette.hint')}</p>
      {groups.map((group) => (
        <section key={group.kind} className="palette-group">
          <h3>{t(`kind.${group.kind}`)}</h3>
          {group.entries.map((entry) => (
            <div
              key={entry.type}
              className={`palette-item kind-${entry.kind}`}
              draggable
              data-testid={`palette-${entry.type}`}
              title={entry.description?.[locale] ?? entry.type}
              onDragStart={(event) => {
                event.dataTransfer.setData(PALETTE_DRAG_TYPE, entry.type);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDoubleClick={() => onAdd(entry.type)}
            >
              <NodeIcon name={entry.icon} kind={entry.kind} />
              <span>{entry.title[locale]}</span>
            </div>
          ))}
        </section>
      ))}
    </aside>
  );
});
