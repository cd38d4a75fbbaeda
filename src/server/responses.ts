import { problemSchema } from './problem';

/** Response schemas for the error statuses a route can answer with, all problem+json. */
export function problemResponses(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<number, typeof problemSchema>;
}

/** The statuses every authenticated route may answer with. */
export const AUTHED = [400, 401, 403, 404] as const;
