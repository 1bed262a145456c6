import { describe, expect, it } from 'vitest';
import { addBusinessTime, businessTimeBetween, ClosedCalendarError, isOpenAt, nextOpening } from './business-time';
import { BusinessCalendar, type BusinessCalendarInput } from './calendar-shape';
import { defaultCalendar } from './calendar-book';
import { compileCalendar } from './open-intervals';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (instant: number) => new Date(instant).toISOString();
const china = defaultCalendar();

const allDay = [{ from: '00:00', to: '24:00' }];
const calendar = (input: Omit<BusinessCalendarInput, 'id'>) => compileCalendar(BusinessCalendar.parse({ id: 't', ...input }));

describe('business time on the default calendar (Mon-Fri 09:00-18:00 Asia/Shanghai, China 2026)', () => {
  it.each([
    ['8 h within one day', '2026-03-02T10:00:00+08:00', 8 * H, '2026-03-02T18:00:00+08:00'],
    ['ending on closing time stays on it', '2026-03-02T09:00:00+08:00', 9 * H, '2026-03-02T18:00:00+08:00'],
    ['across a night', '2026-03-02T17:00:00+08:00', 2 * H, '2026-03-03T10:00:00+08:00'],
    ['across a weekend', '2026-03-06T17:00:00+08:00', 2 * H, '2026-03-09T10:00:00+08:00'],
    ['before opening starts at opening', '2026-03-02T07:00:00+08:00', 1 * H, '2026-03-02T10:00:00+08:00'],
    ['on a Sunday starts on Monday', '2026-03-08T12:00:00+08:00', 8 * H, '2026-03-09T17:00:00+08:00'],
    ['exact to the second over a night', '2026-03-02T17:59:30+08:00', 45_000, '2026-03-03T09:00:15+08:00'],
    ['into the moved working Saturday 2026-02-14', '2026-02-13T17:00:00+08:00', 2 * H, '2026-02-14T10:00:00+08:00'],
    ['over the Spring Festival (02-15..02-23 closed)', '2026-02-14T17:00:00+08:00', 2 * H, '2026-02-24T10:00:00+08:00'],
    ['the moved working Sunday 2026-01-04 counts', '2026-01-04T09:00:00+08:00', 9 * H, '2026-01-04T18:00:00+08:00'],
    ['New Year 01-01..01-03 closed', '2025-12-31T17:00:00+08:00', 2 * H, '2026-01-04T10:00:00+08:00'],
    ['over National Day to the worked Saturday 10-10', '2026-09-30T17:00:00+08:00', 2 * H, '2026-10-08T10:00:00+08:00'],
    ['the worked Saturday after National Day', '2026-10-09T17:00:00+08:00', 2 * H, '2026-10-10T10:00:00+08:00'],
    ['8 working hours over Labour Day (05-01..05-05)', '2026-04-30T14:00:00+08:00', 8 * H, '2026-05-06T13:00:00+08:00'],
  ])('%s', (_name, start, duration, due) => {
    expect(iso(addBusinessTime(china, at(start), duration))).toBe(iso(at(due)));
    expect(businessTimeBetween(china, at(start), at(due))).toBe(duration);
  });

  it('measures a weekend as nothing, and backwards as negative', () => {
    expect(businessTimeBetween(china, at('2026-03-06T18:00:00+08:00'), at('2026-03-09T09:00:00+08:00'))).toBe(0);
    expect(businessTimeBetween(china, at('2026-03-09T10:00:00+08:00'), at('2026-03-06T17:00:00+08:00'))).toBe(-2 * H);
  });

  it('knows when it is open, and when it opens next', () => {
    expect(isOpenAt(china, at('2026-02-14T10:00:00+08:00'))).toBe(true);
    expect(isOpenAt(china, at('2026-02-16T10:00:00+08:00'))).toBe(false);
    expect(isOpenAt(china, at('2026-03-02T18:00:00+08:00'))).toBe(false);
    expect(iso(nextOpening(china, at('2026-02-15T08:00:00+08:00')))).toBe(iso(at('2026-02-24T09:00:00+08:00')));
  });
});

describe('several slots a day', () => {
  const lunchBreak = calendar({
    timeZone: 'Asia/Shanghai',
    week: {
      mon: [
        { from: '09:00', to: '12:00' },
        { from: '13:30', to: '18:00' },
      ],
    },
  });
  it('skips the break', () => {
    expect(iso(addBusinessTime(lunchBreak, at('2026-03-02T11:00:00+08:00'), 2 * H))).toBe(iso(at('2026-03-02T14:30:00+08:00')));
    expect(iso(addBusinessTime(lunchBreak, at('2026-03-02T17:00:00+08:00'), 2 * H))).toBe(iso(at('2026-03-09T10:00:00+08:00')));
  });
});

describe('DST', () => {
  const newYork = calendar({ timeZone: 'America/New_York', week: { sun: allDay, sat: allDay, mon: allDay } });
  it('America/New_York spring forward: Sunday 2026-03-08 has 23 open hours', () => {
    expect(businessTimeBetween(newYork, at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00'))).toBe(23 * H);
  });
  const nightShift = calendar({
    timeZone: 'America/New_York',
    week: { sat: [{ from: '01:00', to: '04:00' }], sun: [{ from: '01:00', to: '04:00' }] },
  });
  it('a 01:00-04:00 slot loses the hour that never happens', () => {
    expect(businessTimeBetween(nightShift, at('2026-03-08T00:00:00-05:00'), at('2026-03-08T12:00:00-04:00'))).toBe(2 * H);
    // Saturday 03:00 + 2 h: one hour on Saturday, then Sunday 01:00 EST + 1 h = 03:00 EDT.
    expect(iso(addBusinessTime(nightShift, at('2026-03-07T03:00:00-05:00'), 2 * H))).toBe(iso(at('2026-03-08T03:00:00-04:00')));
  });
  const berlin = calendar({
    timeZone: 'Europe/Berlin',
    week: { mon: [{ from: '09:00', to: '17:00' }], fri: [{ from: '09:00', to: '17:00' }], sun: [{ from: '00:00', to: '06:00' }] },
  });
  it('Europe/Berlin fall back: 00:00-06:00 on Sunday 2026-10-25 lasts 7 hours', () => {
    expect(businessTimeBetween(berlin, at('2026-10-25T00:00:00+02:00'), at('2026-10-25T12:00:00+01:00'))).toBe(7 * H);
  });
  it('Europe/Berlin: Friday 16:00 CEST + 9 h lands on Monday 10:00 CET, having counted the long Sunday', () => {
    expect(iso(addBusinessTime(berlin, at('2026-10-23T16:00:00+02:00'), 9 * H))).toBe(iso(at('2026-10-26T10:00:00+01:00')));
  });
});

describe('a calendar that never opens', () => {
  it('refuses to count', () => {
    const closed = calendar({ timeZone: 'UTC', week: {} });
    expect(() => addBusinessTime(closed, 0, H)).toThrow(ClosedCalendarError);
  });
});
