import { createRoute } from '@hono/zod-openapi';
import { CalendarList, CalendarView, SaveCalendarRequest } from '@switchyard/api';
import { listCalendars, type RuntimeContext, saveCalendar } from '@switchyard/runtime';
import type { SwitchyardApp } from '../app-env';
import { createRouter } from '../create-router';
import { answerExample, REQUEST_EXAMPLES } from '../docs/api-examples';
import { errorResponses, jsonContent } from '../error-responses';

const tags = ['calendars'];

const calendars = createRoute({
  method: 'get',
  operationId: 'listCalendars',
  path: '/api/calendars',
  description:
    'Lists the business calendars waits and service levels count working time in: each with its time zone, weekly slots, holidays, moved working days and the groups it serves. The shipped default (Monday to Friday 09:00-18:00 Asia/Shanghai with China\'s public holidays) is listed as `shipped` until a calendar with id "default" is saved.',
  tags,
  summary: 'Every business calendar, the default first',
  responses: { 200: jsonContent(CalendarList, 'The calendars', answerExample('listCalendars', 200)), ...errorResponses() },
});

const save = createRoute({
  method: 'post',
  operationId: 'saveCalendar',
  path: '/api/calendars',
  description:
    'Creates or replaces a calendar by id. Every group named must exist; a group is served by one calendar, so naming it here takes it from any other. With `ical`, the holidays and make-up working days of an iCal feed (RFC 5545) between the years given are added. Id "default" replaces the shipped default for every group without a calendar of its own.',
  tags,
  summary: 'Create or replace a business calendar (by id), optionally importing an iCal holiday feed',
  request: {
    body: { required: true, content: { 'application/json': { schema: SaveCalendarRequest, example: REQUEST_EXAMPLES.saveCalendar } } },
  },
  responses: { 200: jsonContent(CalendarView, 'Saved', answerExample('saveCalendar', 200)), ...errorResponses(400) },
});

/** Business calendars (issue 21). */
export function calendarRoutes(ctx: RuntimeContext): SwitchyardApp {
  return createRouter()
    .openapi(calendars, async (c) => c.json(await listCalendars(ctx.db), 200))
    .openapi(save, async (c) => c.json(await saveCalendar(ctx, c.req.valid('json'), c.get('actor')), 200));
}
