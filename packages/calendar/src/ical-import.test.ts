import { describe, expect, it } from 'vitest';
import { addBusinessTime } from './business-time';
import { BusinessCalendar } from './calendar-shape';
import { importIcalDays, withImportedDays } from './ical-import';
import { compileCalendar } from './open-intervals';

const FEED = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//test//holidays//EN',
  'BEGIN:VEVENT',
  'UID:spring-2026',
  'DTSTART;VALUE=DATE:20260215',
  'DTEND;VALUE=DATE:20260224',
  'SUMMARY:春节',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:spring-work-2026',
  'DTSTART;VALUE=DATE:20260214',
  'DTEND;VALUE=DATE:20260215',
  'SUMMARY:春节补班',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:new-year',
  'DTSTART;VALUE=DATE:20250101',
  'DTEND;VALUE=DATE:20250102',
  'RRULE:FREQ=YEARLY',
  'SUMMARY:New Year',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

describe('importIcalDays', () => {
  it('reads closed days, a make-up working day and a yearly event within the years asked', () => {
    const days = importIcalDays(FEED, { from: 2026, to: 2027 });
    expect(days.holidays.map((d) => d.date)).toEqual([
      '2026-01-01',
      '2026-02-15',
      '2026-02-16',
      '2026-02-17',
      '2026-02-18',
      '2026-02-19',
      '2026-02-20',
      '2026-02-21',
      '2026-02-22',
      '2026-02-23',
      '2027-01-01',
    ]);
    expect(days.workdays).toEqual([{ date: '2026-02-14', name: '春节补班' }]);
  });

  it('feeds a calendar whose business time skips the holiday and counts the worked Saturday', () => {
    const base = {
      id: 'cn',
      timeZone: 'Asia/Shanghai',
      week: { mon: [{ from: '09:00', to: '18:00' }], fri: [{ from: '09:00', to: '18:00' }] },
    };
    const calendar = compileCalendar(BusinessCalendar.parse(withImportedDays(base, importIcalDays(FEED, { from: 2026, to: 2026 }))));
    const due = addBusinessTime(calendar, Date.parse('2026-02-13T17:00:00+08:00'), 11 * 3_600_000);
    // Friday 1 h, the worked Saturday 9 h; Mondays 02-16 and 02-23 and Friday 02-20 are closed: Friday 02-27 10:00.
    expect(new Date(due).toISOString()).toBe(new Date(Date.parse('2026-02-27T10:00:00+08:00')).toISOString());
  });

  it('names the problem when the text is not iCal', () => {
    expect(() => importIcalDays('hello', { from: 2026, to: 2026 })).toThrow(/not an iCal feed/);
  });
});
