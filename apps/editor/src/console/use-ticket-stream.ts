import { StreamEvent } from '@switchyard/api';
import { useEffect, useRef } from 'react';

/**
 * Calls `onChange` for every ticket change the server pushes (`GET /api/stream`, server-sent
 * events filtered to what the user may see): no polling; EventSource reconnects by itself.
 */
export function useTicketStream(onChange: (change: StreamEvent) => void): void {
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource('/api/stream');
    const listener = (message: MessageEvent<unknown>) => {
      const parsed = StreamEvent.safeParse(typeof message.data === 'string' ? JSON.parse(message.data) : undefined);
      if (parsed.success) latest.current(parsed.data);
    };
    source.addEventListener('ticket', listener);
    return () => {
      source.removeEventListener('ticket', listener);
      source.close();
    };
  }, []);
}
