import { addBusinessTime, businessTimeBetween, defaultCalendar } from '@switchyard/nodes';

/** The instant `ms` of working time after `from` on the default calendar (Mon-Fri 09:00-18:00 Shanghai, China's holidays). */
export const businessAfter = (from: number, ms: number): number => addBusinessTime(defaultCalendar(), from, ms);

/** The working time between two instants on the default calendar. */
export const businessBetween = (from: number, to: number): number => (to <= from ? 0 : businessTimeBetween(defaultCalendar(), from, to));
