import { useEffect, useState } from 'react';
import type { DeploymentOrder } from '@switchyard/api';
import { api } from '../api/api-client';
import { useI18n } from '../i18n/i18n-context';
import { runPosition, runPositionWords } from '../model/run-position';

/**
 * Where the flow runs among the deployed flows, in words ("Runs 3rd of 5, after “Intake”."),
 * for the deploy and promote confirmations; read again each time `asking` turns true. Null until read.
 */
export function useRunPosition(flowId: string, asking: boolean): string | null {
  const { locale, t } = useI18n();
  const [order, setOrder] = useState<DeploymentOrder['order'] | null>(null);
  useEffect(() => {
    if (!asking) return;
    let live = true;
    api.deploymentOrder().then(
      (o) => live && setOrder(o.order),
      () => live && setOrder(null),
    );
    return () => {
      live = false;
    };
  }, [asking]);
  if (order === null) return null;
  const where = runPosition(order, flowId);
  return where.total > 1 ? `${runPositionWords(where, locale)} ${t('order.changeHint')}` : runPositionWords(where, locale);
}
