// Ids and timestamps of the rows one grid's chunk writes. They depend only on the grid (its
// position in the tree) and the row's key, never on which chunks ran before, so that a load that
// stopped half-way and resumed writes exactly the rows an uninterrupted load would have written.
//
// The time field of each UUIDv7-shaped id (city.ids.ts) is the demo epoch plus the grid's ordinal
// times a stride plus the row's position in the chunk: grids loaded in path order append to every
// primary-key index, as the area load does.

import { demoId } from '../city/city.ids';

const EPOCH_MS = Date.UTC(2021, 0, 1);
/** Room for this many rows of one table in one grid (a grid of 800 households has about 2,100 residents). */
const STRIDE = 65_536;

/** Ids for one table within one grid's chunk; `offset` reserves the first positions (the community's own rows). */
export function chunkIds(table: string, ordinal: number, offset = 0): (key: string) => string {
  let position = offset;
  return (key) => {
    if (position >= STRIDE) throw new RangeError(`more than ${STRIDE} ${table} rows in one grid`);
    return demoId(EPOCH_MS + ordinal * STRIDE + position++, `${table}:${key}`);
  };
}

/** The id of the community party organisation, from the community's first grid: any grid of it can name it. */
export function communityOrgId(firstGridOrdinal: number, communityCode: string): string {
  return demoId(EPOCH_MS + firstGridOrdinal * STRIDE, `partyOrgs:community:${communityCode}`);
}

/**
 * Demo rows are stamped with the start of the day the load began (China time): rows of a load that
 * resumes tomorrow keep today's stamp, and the stamp tells the resumed load which day was "today".
 */
export function stampOf(today: string): string {
  return new Date(`${today}T00:00:00+08:00`).toISOString();
}

export function dayOfStamp(stamp: string): string {
  return new Date(Date.parse(stamp) + 8 * 3_600_000).toISOString().slice(0, 10);
}

// Calendar arithmetic on day numbers (days since 1970-01-01), without Date objects: the generator
// moves a few million dates, and Date.parse/toISOString were a fifth of its time. The algorithm is
// Howard Hinnant's days_from_civil / civil_from_days (proleptic Gregorian calendar).

/** Days since 1970-01-01 of a YYYY-MM-DD date. */
export function dayNumber(date: string): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

const TWO = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

/** The YYYY-MM-DD date of a day number. */
export function dateOfDay(day: number): string {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${TWO[m]}-${TWO[d]}`;
}

/** The later of two YYYY-MM-DD dates (Math.max would turn them into NaN). */
export function laterDate(a: string, b: string): string {
  return a > b ? a : b;
}

export function earlierDate(a: string, b: string): string {
  return a < b ? a : b;
}

/** `date` moved by `days` (negative: earlier), both YYYY-MM-DD. */
export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/** Whole years from `birthDate` to `today`. */
export function ageOn(birthDate: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return today.slice(5) >= birthDate.slice(5) ? years : years - 1;
}
