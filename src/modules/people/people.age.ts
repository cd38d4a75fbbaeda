// Ages in full years, as the ledgers count them: one turns N on the N-th birthday. Someone born on
// 29 February turns a year older on 1 March in common years (the day after 28 February).

const parse = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};

/** Full years from `birthDate` to `today` (both YYYY-MM-DD); null when unknown or not yet born. */
export function ageOn(birthDate: string | null, today: string): number | null {
  if (!birthDate) return null;
  const b = parse(birthDate);
  const t = parse(today);
  let age = t.y - b.y;
  if (t.m < b.m || (t.m === b.m && t.d < b.d)) age -= 1;
  return age >= 0 ? age : null;
}

/** The same calendar day `years` earlier; 29 February becomes 28 February in a common year. */
function yearsBefore(today: string, years: number): string {
  const { y, m, d } = parse(today);
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function dayAfter(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Birth dates of people aged `min`…`max` (inclusive) on `today`, as an inclusive range of days for
 * an indexed condition: aged at least `min` means born on or before today minus `min` years; aged
 * at most `max` means born after today minus `max + 1` years.
 */
export function birthRangeForAges(
  ages: { min?: number | undefined; max?: number | undefined },
  today: string,
): { bornFrom?: string; bornTo?: string } {
  return {
    ...(ages.max !== undefined ? { bornFrom: dayAfter(yearsBefore(today, ages.max + 1)) } : {}),
    ...(ages.min !== undefined ? { bornTo: yearsBefore(today, ages.min) } : {}),
  };
}
