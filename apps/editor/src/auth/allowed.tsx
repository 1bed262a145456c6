import type { ReactNode } from 'react';
import type { Permission } from '@switchyard/api';
import { useI18n } from '../i18n/i18n-context';
import { type Gate, gateOf } from '../model/permission-gate';
import { useSession } from './session-context';

/**
 * Whether the signed-in user may do what `permission` guards, and if not why (in the page's
 * language), from their roles as `GET /api/auth/me` said; the server checks again.
 * @example const publish = useGate('flows.publish'); <button disabled={!publish.allowed} title={publish.reason}>
 */
export function useGate(permission: Permission): Gate {
  const { session } = useSession();
  const { locale } = useI18n();
  return gateOf(session.status === 'signed-in' ? session.me.roles : [], permission, locale);
}

/** @example if (useCan('users.manage')) ... */
export function useCan(permission: Permission): boolean {
  return useGate(permission).allowed;
}

/** Its children only for those who may do what `permission` guards: an action not theirs to take is not shown. */
export function Allowed({ permission, children }: { permission: Permission; children: ReactNode }) {
  return useCan(permission) ? <>{children}</> : null;
}

/**
 * Its controls disabled for those who may not do what `permission` guards, with the reason on
 * hover: for actions a role should see but not take (a supervisor looking at a rollout).
 */
export function GatedFieldset({ permission, children }: { permission: Permission; children: ReactNode }) {
  const gate = useGate(permission);
  return (
    <fieldset className="gated" disabled={!gate.allowed} title={gate.reason} data-needs-permission={gate.allowed ? undefined : permission}>
      {children}
    </fieldset>
  );
}
