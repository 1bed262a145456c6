import { formatMs, type RunningSla } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { countdown } from '../model/console-text';

/**
 * The SLA policies' clocks on a ticket (issue 21): each target with its countdown while running (and
 * whether it has warned), or the time it keeps while the ticket waits on the customer.
 */
export function SlaClocks({ slas, now }: { slas: readonly RunningSla[]; now: number }) {
  const { t, locale } = useI18n();
  if (slas.length === 0) return null;
  return (
    <>
      <h4>{t('console.sla')}</h4>
      {slas.map((sla) => (
        <p key={`${sla.flowId}/${sla.node}`} className="countdown" data-testid="sla-clock" data-state={sla.state}>
          {t(`console.sla.${sla.target}`)}:{' '}
          {sla.state === 'running' && sla.dueAt !== null
            ? countdown(sla.dueAt, now)
            : t('console.sla.paused', { left: formatMs(sla.leftMs, locale) })}
          {sla.warned && <span className="pill warn">{t('console.sla.warned')}</span>}
        </p>
      ))}
    </>
  );
}
