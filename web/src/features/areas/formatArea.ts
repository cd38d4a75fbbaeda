/**
 * A surface for people: km² from 0.1 km² up (a community, a district), m² below (a compound, a
 * small grid). Null when the boundary is not drawn yet.
 */
export function formatArea(
  squareMeters: number | null,
  language: string,
): { value: string; unit: 'km2' | 'm2' } | null {
  if (squareMeters === null || !Number.isFinite(squareMeters) || squareMeters < 0) return null;
  if (squareMeters >= 100_000) {
    const km2 = squareMeters / 1_000_000;
    return {
      value: new Intl.NumberFormat(language, { maximumFractionDigits: km2 >= 100 ? 0 : 2 }).format(km2),
      unit: 'km2',
    };
  }
  return {
    value: new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(squareMeters),
    unit: 'm2',
  };
}
