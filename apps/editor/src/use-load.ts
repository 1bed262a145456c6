import { useCallback, useEffect, useState } from 'react';

/** The state of a request a page needs before it can draw. */
export type Load<T> =
  { readonly status: 'loading' } | { readonly status: 'error'; readonly error: Error } | { readonly status: 'done'; readonly data: T };

/** Runs `load` on mount and when `reload` is called; drops answers that arrive after unmount. */
export function useLoad<T>(load: () => Promise<T>): [Load<T>, () => void] {
  const [state, setState] = useState<Load<T>>({ status: 'loading' });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ status: 'done', data }),
      (error: unknown) => live && setState({ status: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
    // `load` is a fresh closure every render; `round` is what asks for a new load.
  }, [round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return [state, reload];
}
