import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Me } from '@switchyard/api';
import { api, isSignedOut, onSignedOut } from '../api/api-client';

/** Who is using the editor: not known yet, nobody (the sign-in page), someone, or the server could not say. */
export type Session =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out' }
  | { readonly status: 'signed-in'; readonly me: Me }
  | { readonly status: 'error'; readonly error: Error };

interface SessionValue {
  readonly session: Session;
  /** After a successful `api.login`. */
  readonly signedIn: (me: Me) => void;
  /** Ends the session on the server, then shows the sign-in page. */
  readonly signOut: () => Promise<void>;
  /** Asks the server again who is signed in. */
  readonly reload: () => void;
}

const SessionContext = createContext<SessionValue | null>(null);
/** Where the editor kept the shared admin token before sign-in existed; cleared so no secret stays in the page. */
const OLD_TOKEN_KEY = 'switchyard.token';

/** Holds the session: asks `GET /api/auth/me` once, and shows the sign-in page after any 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    localStorage.removeItem(OLD_TOKEN_KEY);
    return onSignedOut(() => setSession({ status: 'signed-out' }));
  }, []);
  useEffect(() => {
    let live = true;
    api.me().then(
      (me) => live && setSession({ status: 'signed-in', me }),
      (error: unknown) => {
        if (!live) return;
        if (isSignedOut(error)) setSession({ status: 'signed-out' });
        else setSession({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      live = false;
    };
  }, [round]);
  const signedIn = useCallback((me: Me) => setSession({ status: 'signed-in', me }), []);
  const signOut = useCallback(async () => {
    // Signed out here even when the server cannot be told (its session then expires on its own).
    await api.logout().catch(() => undefined);
    setSession({ status: 'signed-out' });
  }, []);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const value = useMemo(() => ({ session, signedIn, signOut, reload }), [session, signedIn, signOut, reload]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session and its actions. */
export function useSession(): SessionValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionProvider above it');
  return value;
}

/** Who is signed in; only inside the signed-in app (the app draws nothing else without a session). */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== 'signed-in') throw new Error('useMe needs a signed-in session');
  return session.me;
}
