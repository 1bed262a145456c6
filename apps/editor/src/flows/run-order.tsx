import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import { arrayMove, SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { useCallback, useEffect, useState } from 'react';
import { ApiError, type DeploymentOrder } from '@switchyard/api';
import { api } from '../api/api-client';
import { useCan } from '../auth/allowed';
import { useI18n } from '../i18n/i18n-context';
import { RunOrderItem } from './run-order-item';

type Order = DeploymentOrder['order'];
type Status = { readonly key: 'order.saving' | 'order.saved' | 'order.conflict' } | { readonly failed: string } | null;

/**
 * The deployed flows in the order every ticket runs them (GET /api/deployments/order). Those who
 * may manage rollouts drag a flow (or move it by keyboard) to change it (PUT, sent with the order
 * it was made from: when someone changed it meanwhile, the order now is shown instead).
 */
export function RunOrder({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const canReorder = useCan('rollout.manage');
  const [order, setOrder] = useState<Order | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const load = useCallback(() => api.deploymentOrder().then((o) => setOrder(o.order)), []);
  useEffect(() => {
    load().catch((e: unknown) => setStatus({ failed: e instanceof Error ? e.message : String(e) }));
  }, [load]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  if (order === null) return null;
  const nameOf = (id: UniqueIdentifier) => order.find((f) => f.flowId === id)?.name ?? String(id);
  const placeOf = (id: UniqueIdentifier) => ({ position: order.findIndex((f) => f.flowId === id) + 1, total: order.length });

  async function move({ active, over }: DragEndEvent) {
    if (!order || !over || active.id === over.id) return;
    const current = order.map((f) => f.flowId);
    const moved = arrayMove([...order], current.indexOf(String(active.id)), current.indexOf(String(over.id)));
    setOrder(moved);
    setStatus({ key: 'order.saving' });
    try {
      const saved = await api.reorderDeployments({ order: moved.map((f) => f.flowId), current });
      setOrder(saved.order);
      setStatus({ key: 'order.saved' });
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        await load();
        setStatus({ key: 'order.conflict' });
      } else {
        setOrder(order);
        setStatus({ failed: error instanceof Error ? error.message : String(error) });
      }
    }
  }

  return (
    <section className="run-order" data-testid="run-order">
      <h2>{t('order.title')}</h2>
      <p className="muted small">{order.length === 0 ? t('order.none') : canReorder ? t('order.intro') : t('order.readOnly')}</p>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={(e) => void move(e)}
        accessibility={{
          screenReaderInstructions: { draggable: t('order.srInstructions') },
          announcements: {
            onDragStart: ({ active }) => t('order.picked', { name: nameOf(active.id), ...placeOf(active.id) }),
            onDragOver: ({ active, over }) => (over ? t('order.over', { name: nameOf(active.id), ...placeOf(over.id) }) : undefined),
            onDragEnd: ({ active, over }) => (over ? t('order.dropped', { name: nameOf(active.id), ...placeOf(over.id) }) : undefined),
            onDragCancel: ({ active }) => t('order.cancelled', { name: nameOf(active.id) }),
          },
        }}
      >
        <SortableContext items={order.map((f) => f.flowId)} strategy={verticalListSortingStrategy}>
          <ol className="run-order-list">
            {order.map((f, i) => (
              <RunOrderItem key={f.flowId} flowId={f.flowId} name={f.name} position={i + 1} disabled={!canReorder} />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {status && (
        <p
          className={'failed' in status || status.key === 'order.conflict' ? 'error small' : 'muted small'}
          role="status"
          data-testid="run-order-status"
        >
          {'failed' in status ? t('order.failed', { message: status.failed }) : t(status.key)}
        </p>
      )}
    </section>
  );
}
