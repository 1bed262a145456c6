import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { GripVertical } from 'lucide-react';
import { useI18n } from '../i18n/i18n-context';
import { routeHash } from '../use-hash-route';

interface RunOrderItemProps {
  readonly flowId: string;
  readonly name: string;
  readonly position: number;
  readonly disabled: boolean;
}

/** One deployed flow in the run order: its place, its name, and the handle to drag it by. */
export function RunOrderItem({ flowId, name, position, disabled }: RunOrderItemProps) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: flowId,
    disabled,
  });
  return (
    <li
      ref={setNodeRef}
      className={`run-order-item${isDragging ? ' dragging' : ''}`}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      data-testid="run-order-item"
      data-flow-id={flowId}
    >
      {!disabled && (
        <button
          type="button"
          className="icon drag-handle"
          ref={setActivatorNodeRef}
          aria-label={t('order.handle', { name })}
          title={t('order.handle', { name })}
          data-testid="run-order-handle"
          {...attributes}
          {...listeners}
        >
          <GripVertical size={16} aria-hidden />
        </button>
      )}
      <span className="run-order-position">{position}</span>
      <a href={routeHash({ page: 'flow', id: flowId })}>{name}</a>
    </li>
  );
}
