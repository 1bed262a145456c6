import { type CalendarView, SaveCalendarRequest, StoredCalendar } from '@switchyard/api';
import {
  BusinessCalendar,
  createCalendarBook,
  type CalendarBook,
  DEFAULT_CALENDAR,
  importIcalDays,
  withImportedDays,
} from '@switchyard/calendar';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { businessCalendarShape, readStored } from '../db/stored';
import type { RuntimeContext } from '../durable/runtime-context';
import { RuntimeInputError } from '../errors';
import { appendAudit } from './append-audit';
import { inTransaction } from './in-transaction';
import { parseInput } from './invalid-input';

async function storedCalendars(db: Kysely<Database>) {
  const rows = await db.selectFrom('calendars').selectAll().orderBy('id').execute();
  return rows.map((row) => ({ row, calendar: readStored(businessCalendarShape, row.calendar, { table: 'calendars', key: row.id }) }));
}

/**
 * Every calendar: the stored ones, and the shipped default unless a stored one has id "default".
 * @example const calendars = await listCalendars(db);
 */
export async function listCalendars(db: Kysely<Database>): Promise<CalendarView[]> {
  const stored = await storedCalendars(db);
  const views: CalendarView[] = stored.map(({ row, calendar }) => ({
    ...calendar,
    source: 'stored',
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by,
  }));
  if (!stored.some(({ calendar }) => calendar.id === 'default')) {
    views.unshift({ ...StoredCalendar.parse(DEFAULT_CALENDAR), source: 'shipped', updatedAt: null, updatedBy: null });
  }
  return views;
}

/**
 * The calendars flows count business time in, for a host: one per group, else the default.
 * @example const calendars = await loadCalendarBook(trx);
 */
export async function loadCalendarBook(db: Kysely<Database>): Promise<CalendarBook> {
  const stored = await storedCalendars(db);
  return createCalendarBook(stored.map(({ calendar: { groups, ...calendar } }) => ({ calendar, groups })));
}

/**
 * Creates or replaces a calendar by id, with the days of an iCal feed added when one is sent.
 * Every group named must exist, and a group is served by one calendar: saving it here takes it
 * from any other. Audited as `calendar.saved`.
 * @example await saveCalendar(ctx, { id: 'berlin', timeZone: 'Europe/Berlin', week: { mon: [{ from: '09:00', to: '17:00' }] } }, 'alice');
 */
export async function saveCalendar(ctx: RuntimeContext, input: unknown, actor: string): Promise<CalendarView> {
  const { ical, groups, ...request } = parseInput(SaveCalendarRequest, input);
  let withFeed = request;
  if (ical) {
    if (ical.toYear < ical.fromYear)
      throw new RuntimeInputError('invalid request', 400, [{ path: 'ical.toYear', message: 'toYear must not be before fromYear' }]);
    try {
      withFeed = parseInput(
        BusinessCalendar,
        withImportedDays(request, importIcalDays(ical.feed, { from: ical.fromYear, to: ical.toYear })),
      );
    } catch (error) {
      if (error instanceof RuntimeInputError) throw error;
      throw new RuntimeInputError('invalid request', 400, [
        { path: 'ical.feed', message: error instanceof Error ? error.message : String(error) },
      ]);
    }
  }
  const calendar = StoredCalendar.parse({ ...withFeed, groups });
  const now = ctx.clock.now();
  return inTransaction(ctx.db, async (trx) => {
    if (groups.length > 0) {
      const known = new Set((await trx.selectFrom('groups').select('id').where('id', 'in', groups).execute()).map((g) => g.id));
      const issues = groups.flatMap((g, i) => (known.has(g) ? [] : [{ path: `groups.${i}`, message: `no group "${g}"` }]));
      if (issues.length > 0) throw new RuntimeInputError('invalid request', 400, issues);
      for (const other of await storedCalendars(trx)) {
        if (other.calendar.id === calendar.id || !other.calendar.groups.some((g) => groups.includes(g))) continue;
        const rest = { ...other.calendar, groups: other.calendar.groups.filter((g) => !groups.includes(g)) };
        await trx
          .updateTable('calendars')
          .set({ calendar: businessCalendarShape.json(rest) })
          .where('id', '=', other.row.id)
          .execute();
      }
    }
    const row = { calendar: businessCalendarShape.json(calendar), updated_at: now, updated_by: actor };
    await trx
      .insertInto('calendars')
      .values({ id: calendar.id, ...row })
      .onConflict((oc) => oc.column('id').doUpdateSet(row))
      .execute();
    await appendAudit(trx, {
      at: now,
      actor,
      kind: 'calendar.saved',
      detail: { id: calendar.id, groups, holidays: calendar.holidays.length, workdays: calendar.workdays.length },
    });
    return { ...calendar, source: 'stored', updatedAt: now.toISOString(), updatedBy: actor };
  });
}
