import type { CatalogEntry } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { NodeIcon } from './node-icon';

/** What a blank flow shows: where to start (a trigger), as big buttons, one per trigger type. */
export function EmptyCanvas({ catalog, onAdd }: { catalog: readonly CatalogEntry[]; onAdd: (type: string) => void }) {
  const { t, locale } = useI18n();
  const triggers = catalog.filter((e) => e.kind === 'trigger');
  return (
    <div className="empty-canvas" data-testid="empty-canvas">
      <h2>{t('canvas.emptyTitle')}</h2>
      <p>{t('canvas.emptyHint')}</p>
      <div className="empty-canvas-triggers">
        {triggers.map((entry) => (
          <button
            key={entry.type}
            type="button"
            className="start-trigger"
            onClick={() => onAdd(entry.type)}
            title={entry.description?.[locale] ?? ''}
            data-testid={`start-${entry.type}`}
          >
            <NodeIcon name={entry.icon} kind={entry.kind} />
            <span>{entry.title[locale]}</span>
          </button>
        ))}
      </div>
    </div>
  );
}
