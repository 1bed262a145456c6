import { openDatabase } from '@switchyard/runtime';
import { testPostgresUrl } from '@switchyard/runtime/testing';
import { sql } from 'kysely';

/** What the sampled sessions were doing, most frequent first, each as a share of all samples. */
export interface WaitEvents {
  readonly samples: number;
  readonly top: readonly { readonly what: string; readonly share: number }[];
}

/**
 * Samples pg_stat_activity every `everyMs` for the sessions named `applicationName` (the bench's
 * and its workers' connections: other users of the database are left out) that are not idle: a
 * wait event (`Lock/transactionid`, `IO/WALSync`, `Client/ClientRead` while idle in a transaction:
 * the database waits on the worker), or `CPU` for a running one. Stop it to get the tally.
 */
export async function sampleWaitEvents(applicationName: string, everyMs = 10): Promise<{ stop(): Promise<WaitEvents> }> {
  // A connection of its own, outside the sampled sessions.
  const store = await openDatabase({ url: testPostgresUrl(), maxConnections: 1 });
  const tally = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await sql<{ what: string }>`
        select coalesce(wait_event_type || '/' || wait_event, 'CPU') || case when state = 'active' then '' else ' (' || state || ')' end as what
        from pg_stat_activity where application_name = ${applicationName} and state <> 'idle'`.execute(store.db);
      samples += rows.length;
      for (const { what } of rows) tally.set(what, (tally.get(what) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await store.close();
      const top = [...tally]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([what, n]) => ({ what, share: n / Math.max(1, samples) }));
      return { samples, top };
    },
  };
}

export const describeWaitEvents = (w: WaitEvents): string =>
  `${w.top.map((t) => `${t.what} ${(t.share * 100).toFixed(0)}%`).join(', ')} (${w.samples} session samples)`;
