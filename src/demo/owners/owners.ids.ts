// Ids, stamps and calendar steps of the owners' demo rows. Ids follow the people load's layout
// (people.ids.ts): the grid's ordinal picks a band of the UUIDv7 time field and each table counts
// its rows within it, so a grid's rows have the same ids however and whenever it is loaded.

import { addDays, chunkIds, dayNumber } from '../people/people.ids';
import { OWNERS_TABLES, type OwnersRows } from './owners.types';

export type GridIds = Record<keyof OwnersRows, (key: string) => string>;

/** Id sequences of one grid, one per table. */
export function gridIds(ordinal: number): GridIds {
  return Object.fromEntries(
    OWNERS_TABLES.map((table) => [table, chunkIds(`owners.${table}`, ordinal)]),
  ) as GridIds;
}

export { addDays, dayNumber };

/** The same calendar day `years` later (or earlier); 29 February becomes 28 February. */
export function addYears(date: string, years: number): string {
  const year = Number(date.slice(0, 4)) + years;
  const rest = date.slice(4);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}${rest === '-02-29' && !leap ? '-02-28' : rest}`;
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}

/** A day of `year` chosen at random by the caller's draw in [0, 1). */
export function dayOfYear(year: number, draw: number): string {
  return addDays(`${year}-01-01`, Math.floor(draw * 365));
}
