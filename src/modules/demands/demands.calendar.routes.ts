import { z } from 'zod';
import { requireActor } from '../../server/plugins/auth';
import { AUTHED, problemResponses } from '../../server/responses';
import type { App } from '../../server/types';
import {
  calendarDateParamsSchema,
  calendarDayBodySchema,
  calendarDayViewSchema,
  calendarQuerySchema,
  calendarYearSchema,
} from './demands.calendar.schemas';
import { clearCalendarDay, getCalendarYear, setCalendarDay } from './demands.calendar.service';

/** The working calendar as data: read a year, set or clear a day (city admins). */
export async function demandsCalendarRoutes(app: App): Promise<void> {
  const db = app.db.kysely;
  const tags = ['demands'];

  app.get('/api/v1/demands/calendar', {
    schema: {
      tags,
      summary: 'Days off and make-up working days of a year, and working hours 工作日历',
      querystring: calendarQuerySchema,
      response: { 200: calendarYearSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      getCalendarYear({ db, actor: requireActor(request), year: request.query.year }),
  });

  app.put('/api/v1/demands/calendar/days/:date', {
    schema: {
      tags,
      summary: 'Mark a day as a day off or a make-up working day 设置放假或调休上班',
      params: calendarDateParamsSchema,
      body: calendarDayBodySchema,
      response: { 200: calendarDayViewSchema, ...problemResponses(...AUTHED) },
    },
    handler: async (request) =>
      setCalendarDay({ db, actor: requireActor(request), date: request.params.date, body: request.body }),
  });

  app.delete('/api/v1/demands/calendar/days/:date', {
    schema: {
      tags,
      summary: 'Clear a day back to the Monday–Friday rule 清除日历设置',
      params: calendarDateParamsSchema,
      response: { 204: z.null(), ...problemResponses(...AUTHED) },
    },
    handler: async (request, reply) => {
      await clearCalendarDay({ db, actor: requireActor(request), date: request.params.date });
      return reply.status(204).send(null);
    },
  });
}
