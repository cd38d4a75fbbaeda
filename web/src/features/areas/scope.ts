/**
 * Which breadcrumb entries the caller may open: those at or below one of their scope roots.
 * A street official sees 滨州市 › 滨城区 › 市中街道, but only 市中街道 is theirs to open.
 * With the roots still unknown every entry is offered (the server answers 404 for the rest).
 */
export function openableCodes(
  trail: readonly { code: string }[],
  rootCodes: ReadonlySet<string> | undefined,
): Set<string> {
  if (!rootCodes) return new Set(trail.map((entry) => entry.code));
  const start = trail.findIndex((entry) => rootCodes.has(entry.code));
  return new Set(start < 0 ? [] : trail.slice(start).map((entry) => entry.code));
}
