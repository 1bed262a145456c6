import type { BusinessCalendarInput } from './calendar-shape';

/** Every date from `from` to `to`, inclusive ("2026-02-15" .. "2026-02-23"). */
function datesFrom(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    dates.push(new Date(t).toISOString().slice(0, 10));
  }
  return dates;
}

const closed = (name: string, from: string, to: string) => datesFrom(from, to).map((date) => ({ date, name }));

/**
 * China's public holidays of 2026 and the weekend days worked instead, as the State Council
 * published them on 2025-11-04 (国办发明电〔2025〕7号, 国务院办公厅关于2026年部分节假日安排的通知).
 * 2027's notice is not shipped yet: add it here when it is published, or import a feed.
 */
export const CHINA_2026 = {
  holidays: [
    ...closed('元旦 New Year', '2026-01-01', '2026-01-03'),
    ...closed('春节 Spring Festival', '2026-02-15', '2026-02-23'),
    ...closed('清明节 Qingming', '2026-04-04', '2026-04-06'),
    ...closed('劳动节 Labour Day', '2026-05-01', '2026-05-05'),
    ...closed('端午节 Dragon Boat', '2026-06-19', '2026-06-21'),
    ...closed('中秋节 Mid-Autumn', '2026-09-25', '2026-09-27'),
    ...closed('国庆节 National Day', '2026-10-01', '2026-10-07'),
  ],
  workdays: [
    { date: '2026-01-04', name: '元旦调休上班 New Year make-up day' },
    { date: '2026-02-14', name: '春节调休上班 Spring Festival make-up day' },
    { date: '2026-02-28', name: '春节调休上班 Spring Festival make-up day' },
    { date: '2026-05-09', name: '劳动节调休上班 Labour Day make-up day' },
    { date: '2026-09-20', name: '国庆节调休上班 National Day make-up day' },
    { date: '2026-10-10', name: '国庆节调休上班 National Day make-up day' },
  ],
};

/** The years whose Chinese holidays the default calendar knows. */
export const CHINA_HOLIDAY_YEARS: readonly number[] = [2026];

/**
 * The default calendar of `pnpm start` and the examples: Monday to Friday 09:00-18:00
 * Asia/Shanghai, with China's public holidays and moved working days.
 */
export const DEFAULT_CALENDAR: BusinessCalendarInput = {
  id: 'default',
  name: '中国工作日 09:00-18:00 China working days',
  timeZone: 'Asia/Shanghai',
  week: {
    mon: [{ from: '09:00', to: '18:00' }],
    tue: [{ from: '09:00', to: '18:00' }],
    wed: [{ from: '09:00', to: '18:00' }],
    thu: [{ from: '09:00', to: '18:00' }],
    fri: [{ from: '09:00', to: '18:00' }],
  },
  holidays: CHINA_2026.holidays,
  workdays: CHINA_2026.workdays,
};
