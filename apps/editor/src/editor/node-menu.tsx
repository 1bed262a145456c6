import { Copy, CornerDownRight, Trash2 } from 'lucide-react';
import { useI18n } from '../i18n/i18n-context';

/** Where the menu opens (canvas pixels) and for which node. */
export interface NodeMenuRequest {
  readonly left: number;
  readonly top: number;
  readonly nodeId: string;
}

/**
 * A node's right-click menu: add after, duplicate, delete. No "disable": the flow document has no
 * way to switch a node off (packages/flow's FlowNode carries no such flag), and a menu item that
 * only looked like it worked would be worse than none.
 */
export function NodeMenu({
  request,
  canAddAfter,
  onAddAfter,
  onDuplicate,
  onDelete,
}: {
  request: NodeMenuRequest;
  canAddAfter: boolean;
  onAddAfter: () => void;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const { t } = useI18n();
  return (
    <div className="node-menu nokey" role="menu" style={{ left: request.left, top: request.top }} data-testid="node-menu">
      {canAddAfter && (
        <button type="button" role="menuitem" onClick={onAddAfter} data-testid="menu-add-after">
          <CornerDownRight size={14} aria-hidden /> {t('canvas.menuAddAfter')}
        </button>
      )}
      <button type="button" role="menuitem" onClick={onDuplicate} data-testid="menu-duplicate">
        <Copy size={14} aria-hidden /> {t('canvas.menuDuplicate')}
      </button>
      <button type="button" role="menuitem" className="danger" onClick={onDelete} data-testid="menu-delete">
        <Trash2 size={14} aria-hidden /> {t('canvas.menuDelete')}
      </button>
    </div>
  );
}
