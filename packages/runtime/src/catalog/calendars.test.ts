import { addBusinessTime } from '@switchyard/calendar';
import { beforeAll, describe, expect, it } from 'vitest';
import { testDatabases, useTestDatabase } from '../testing/index';
import { catalogContext } from './__fixtures__/catalog-context';
import { listCalendars, loadCalendarBook, saveCalendar, upsertGroup } from './index';

const H = 3_600_000;

describe.each(testDatabases)('business calendars on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let ctx: ReturnType<typeof catalogContext>;
  beforeAll(() => {
    ctx = catalogContext(store);
  });

  it('serve the shipped default to every group until one is stored', async () => {
    const book = await loadCalendarBook(ctx.db);
    // Friday 2026-02-13 17:00 Shanghai + 2 business hours: the moved working Saturday 02-14 at 10:00.
    const due = addBusinessTime(book.resolve({ group: 'tech' }), Date.parse('2026-02-13T17:00:00+08:00'), 2 * H);
    expect(new Date(due).toISOString()).toBe('2026-02-14T02:00:00.000Z');
  });

  it("count a group's business time on its stored calendar, and the others on the default", async () => {
    await upsertGroup(ctx, { id: 'eu', name: 'Europe' }, 'alice');
    await saveCalendar(
      ctx,
      {
        id: 'berlin',
        timeZone: 'Europe/Berlin',
        week: { mon: [{ from: '09:00', to: '17:00' }], fri: [{ from: '09:00', to: '17:00' }] },
        groups: ['eu'],
      },
      'alice',
    );
    const book = await loadCalendarBook(ctx.db);
    const friday = Date.parse('2026-03-27T15:00:00Z'); // 16:00 in Berlin; the clocks go forward on Sunday 03-29
    expect(new Date(addBusinessTime(book.resolve({ group: 'eu' }), friday, 2 * H)).toISOString()).toBe('2026-03-30T08:00:00.000Z');
    expect(new Date(addBusinessTime(book.resolve({ group: 'tech' }), friday, 2 * H)).toISOString()).toBe('2026-03-30T03:00:00.000Z');
    expect((await listCalendars(ctx.db)).map((c) => [c.id, c.source, c.groups])).toEqual([
      ['default', 'shipped', []],
      ['berlin', 'stored', ['eu']],
    ]);
  });
});
