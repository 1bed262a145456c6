import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { api } from '../api/api-client';
import type { OpsNotification } from '@switchyard/api';
import { useFailures } from '../failures/use-failures';
import type { Failure } from '../model/failures';
import { seenUpTo } from '../model/ops-notifications';

/** How often the notifications are re-read: a guardrail can roll back at any time. */
export const NOTIFICATIONS_REFRESH_MS = 30_000;
const SEEN_KEY = 'switchyard.notificationsSeenAt';

/** The latest ops notifications (newest first), when the user last looked, and a way to say they did. */
export interface NotificationsState {
  readonly notifications: readonly OpsNotification[];
  /** Why they could not be read (the bell says so instead of hiding). */
  readonly error: string | null;
  readonly seenAt: string | null;
  readonly markSeen: () => void;
  /** The dead-lettered effects and flow errors of the last 24 h, every flow (null until read). */
  readonly failures: readonly Failure[] | null;
  readonly failuresError: string | null;
}

const NotificationsContext = createContext<NotificationsState>({
  notifications: [],
  error: null,
  seenAt: null,
  markSeen: () => {},
  failures: null,
  failuresError: null,
});

/** The newer of two instants (either may be missing). */
const later = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null || Date.parse(a) >= Date.parse(b) ? a : b;

function storedSeenAt(): string | null {
  try {
    return globalThis.localStorage?.getItem(SEEN_KEY) ?? null;
  } catch {
    return null;
  }
}

/** Reads GET /api/notifications and the failures of the last 24 h now and every 30 s, for the header's bell and the flows list. */
export function NotificationsProvider({ children }: { children: ReactNode }) {
  const [notifications, setNotifications] = useState<readonly OpsNotification[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [seenAt, setSeenAt] = useState(storedSeenAt);
  const { failures, error: failuresError } = useFailures();
  useEffect(() => {
    let live = true;
    const read = () =>
      api.notifications().then(
        (list) => live && (setNotifications(list), setError(null)),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void read();
    const timer = setInterval(() => void read(), NOTIFICATIONS_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  const markSeen = useCallback(() => {
    // Seen up to the newest of both lists, by the server's clock.
    const next = later(seenUpTo(notifications, seenAt), failures?.[0]?.at ?? null);
    if (next === null || next === seenAt) return;
    setSeenAt(next);
    try {
      localStorage.setItem(SEEN_KEY, next);
    } catch {
      // Private mode: the badge resets on reload, nothing worse.
    }
  }, [notifications, seenAt, failures]);
  return (
    <NotificationsContext.Provider value={{ notifications, error, seenAt, markSeen, failures, failuresError }}>
      {children}
    </NotificationsContext.Provider>
  );
}

export const useNotifications = (): NotificationsState => useContext(NotificationsContext);
