import { type ReactNode, createContext, useCallback, useContext, useEffect, useState } from 'react';
import { api } from '../api/api-client';
import { useCan } from '../auth/allowed';
import { useTicketStream } from '../console/use-ticket-stream';

interface ApprovalCount {
  /** Approvals waiting for the signed-in person; null until known. */
  readonly count: number | null;
  /** Asks the server again (after a decision). */
  readonly reload: () => void;
}

const Context = createContext<ApprovalCount>({ count: null, reload: () => {} });

/** Those who work tickets get the live stream: the count follows tickets reaching or leaving an approval. */
function LiveReload({ reload }: { reload: () => void }) {
  useTicketStream(reload);
  return null;
}

/** How many approvals wait for the signed-in person, for the navigation's badge and the approvals page. */
export function ApprovalCountProvider({ children }: { children: ReactNode }) {
  const live = useCan('tickets.read');
  const [count, setCount] = useState<number | null>(null);
  const reload = useCallback(() => {
    api.approvals('waiting').then(
      (list) => setCount(list.length),
      () => setCount(null),
    );
  }, []);
  useEffect(reload, [reload]);
  return (
    <Context.Provider value={{ count, reload }}>
      {live && <LiveReload reload={reload} />}
      {children}
    </Context.Provider>
  );
}

export const useApprovalCount = (): ApprovalCount => useContext(Context);
