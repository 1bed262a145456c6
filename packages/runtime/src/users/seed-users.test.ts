import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mayDecide } from '@switchyard/api';
import { FlowDocument } from '@switchyard/flow';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock';
import { testDatabases, useTestDatabase } from '../testing/index';
import { seedExampleUsers } from './seed-users';
import { rolesOf } from './user-view';

const EXAMPLES = join(import.meta.dirname, '../../../../examples');

/** The `user` each approval node of an example flow asks. */
async function approversOf(file: string): Promise<string[]> {
  const flow = FlowDocument.parse(JSON.parse(await readFile(join(EXAMPLES, 'flows', file), 'utf8')));
  return flow.nodes.flatMap((node) => {
    const user: unknown = node.type === 'approval' ? node.config['user'] : undefined;
    return typeof user === 'string' ? [user] : [];
  });
}

describe.each(testDatabases)('seeded example users (%s)', (target) => {
  const store = useTestDatabase(target);
  const byEmail = (email: string) => store.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();

  it('gives the refund-approval example an account that may decide its approval, and no agent that may', async () => {
    const ctx = { db: store.db, clock: createManualClock(new Date('2026-03-02T01:00:00Z')) };
    await seedExampleUsers(ctx, EXAMPLES);
    const approvers = await approversOf('13-refund-approval.json');
    expect(approvers).toHaveLength(1);
    for (const asked of approvers) {
      const approval = { role: null, user: asked };
      const director = await byEmail(asked);
      expect(director, `no seeded account for ${asked}`).toBeDefined();
      if (director) expect(mayDecide({ id: director.id, email: director.email, roles: rolesOf(director) }, approval)).toBe(true);
      const agent = await byEmail('zhang-min@example.com');
      expect(agent).toBeDefined();
      if (agent) expect(mayDecide({ id: agent.id, email: agent.email, roles: rolesOf(agent) }, approval)).toBe(false);
    }
    // A second seeding (every restart) creates nobody.
    expect(await seedExampleUsers(ctx, EXAMPLES)).toEqual([]);
  });
});
