import { CalendarList, CalendarView } from '@switchyard/api';
import { testDatabases, useTestDatabase } from '@switchyard/runtime/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../__fixtures__/test-app';
import { expectBody } from '../__fixtures__/route-contract';

const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//holidays//EN',
  'BEGIN:VEVENT',
  'UID:national-day',
  'DTSTART;VALUE=DATE:20261001',
  'DTEND;VALUE=DATE:20261008',
  'SUMMARY:国庆节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:national-day-work',
  'DTSTART;VALUE=DATE:20261010',
  'DTEND;VALUE=DATE:20261011',
  'SUMMARY:国庆节补班',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

const week = { mon: [{ from: '09:00', to: '17:00' }], tue: [{ from: '09:00', to: '17:00' }] };

describe.each(testDatabases)('calendar routes on $name', (target) => {
  const store = useTestDatabase(target, { keepRows: true });
  let t: TestApp;
  beforeAll(async () => {
    t = testApp(store);
    await t.call('POST', '/api/groups', { id: 'tech', name: 'Technical support', nameZh: '技术支持' });
    await t.call('POST', '/api/groups', { id: 'billing', name: 'Billing', nameZh: '账务' });
  });

  it('lists the shipped default calendar: Mon-Fri 09:00-18:00 Asia/Shanghai with China 2026', async () => {
    const [first] = expectBody(await t.call('GET', '/api/calendars'), CalendarList);
    expect(first).toMatchObject({
      id: 'default',
      source: 'shipped',
      timeZone: 'Asia/Shanghai',
      week: { mon: [{ from: '09:00', to: '18:00' }], sat: [] },
    });
    expect(first?.workdays.map((d) => d.date)).toContain('2026-02-14');
    expect(first?.holidays.map((d) => d.date)).toContain('2026-10-01');
  });

  it('saves a calendar for groups, with an iCal feed read into it, and lists it', async () => {
    const saved = expectBody(
      await t.call('POST', '/api/calendars', {
        id: 'tech-hours',
        timeZone: 'Asia/Shanghai',
        week,
        groups: ['tech', 'billing'],
        ical: { feed: FEED, fromYear: 2026, toYear: 2026 },
      }),
      CalendarView,
    );
    expect(saved).toMatchObject({ id: 'tech-hours', source: 'stored', updatedBy: 'admin', groups: ['tech', 'billing'] });
    expect(saved.holidays).toHaveLength(7);
    expect(saved.workdays).toEqual([{ date: '2026-10-10', name: '国庆节补班' }]);
    const listed = expectBody(await t.call('GET', '/api/calendars'), CalendarList);
    expect(listed.map((c) => c.id)).toEqual(['default', 'tech-hours']);
  });

  it('gives a group to one calendar: saving it elsewhere takes it from the first', async () => {
    await t.call('POST', '/api/calendars', { id: 'billing-hours', timeZone: 'Europe/Berlin', week, groups: ['billing'] });
    const listed = expectBody(await t.call('GET', '/api/calendars'), CalendarList);
    expect(listed.find((c) => c.id === 'tech-hours')?.groups).toEqual(['tech']);
    expect(listed.find((c) => c.id === 'billing-hours')?.groups).toEqual(['billing']);
  });

  it('a saved "default" replaces the shipped one', async () => {
    await t.call('POST', '/api/calendars', { id: 'default', timeZone: 'Asia/Shanghai', week });
    const listed = expectBody(await t.call('GET', '/api/calendars'), CalendarList);
    expect(listed.filter((c) => c.id === 'default')).toMatchObject([{ source: 'stored' }]);
  });

  it('refuses an unknown group, time zone, bad slot or feed, naming the field, and changes nothing', async () => {
    const before = await t.call('GET', '/api/calendars');
    const refusals = await Promise.all([
      t.call('POST', '/api/calendars', { id: 'x', timeZone: 'Asia/Shanghai', week, groups: ['nobody'] }),
      t.call('POST', '/api/calendars', { id: 'x', timeZone: 'Mars/Olympus', week }),
      t.call('POST', '/api/calendars', { id: 'x', timeZone: 'UTC', week: { mon: [{ from: '18:00', to: '09:00' }] } }),
      t.call('POST', '/api/calendars', { id: 'x', timeZone: 'UTC', week, ical: { feed: 'not a feed', fromYear: 2026, toYear: 2026 } }),
    ]);
    expect(refusals.map((r) => r.status)).toEqual([400, 400, 400, 400]);
    expect(JSON.stringify(refusals.map((r) => r.body))).toMatch(/groups\.0.*timeZone.*week\.mon\.0\.to.*ical\.feed/);
    expect(await t.call('GET', '/api/calendars')).toEqual(before);
  });

  it('lets an agent read calendars but not change them', async () => {
    const agent = await t.as('agent');
    expect((await agent.call('GET', '/api/calendars')).status).toBe(200);
    expect((await agent.call('POST', '/api/calendars', { id: 'y', timeZone: 'UTC', week })).status).toBe(403);
  });
});
