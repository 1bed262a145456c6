import { StoredCalendar } from '@switchyard/api';
import { defineStoredShape } from './stored-shape';
import { sameShape } from './same-shape';

/** What `calendars.calendar` keeps: the calendar (zone, slots, holidays, moved working days) and the groups it serves. Version 1. */
export const businessCalendarShape = defineStoredShape({
  name: 'business-calendar',
  version: 1,
  schema: StoredCalendar,
  migrations: [sameShape],
});
