// Masks for personal data shown to callers without the permission to see it in full
// (DESIGN.md, Security). Masks keep the length, so a masked value still looks like what it is.
// Standard shapes use the conventional masks; any other input never shows more than half of
// its characters, keeping the start (region code, carrier prefix) before the personal tail.

const MASK = '*';

/** '371602199001011234' → '3716**********1234'; a 15-digit number keeps the same 4 + 4. */
export function maskIdNumber(value: string): string {
  const chars = Array.from(value);
  if (chars.length === 18 || chars.length === 15) return keepEnds(chars, 4, 4);
  return keepEndsWithinHalf(chars, 4, 4);
}

/** '13812345678' → '138****5678'. */
export function maskPhone(value: string): string {
  const chars = Array.from(value);
  if (chars.length === 11) return keepEnds(chars, 3, 4);
  return keepEndsWithinHalf(chars, 3, 4);
}

/** '张三丰' → '张*丰', '张三' → '张*', '欧阳娜娜' → '欧**娜', '张' → '*'. */
export function maskName(value: string): string {
  // Code points, not UTF-16 units: rare characters in names (e.g. 𠮷) lie outside the BMP.
  const chars = Array.from(value);
  if (chars.length <= 2) return keepEnds(chars, chars.length - 1, 0);
  return keepEnds(chars, 1, 1);
}

function keepEndsWithinHalf(chars: string[], head: number, tail: number): string {
  const budget = Math.floor(chars.length / 2);
  const keptHead = Math.min(head, budget);
  return keepEnds(chars, keptHead, Math.min(tail, budget - keptHead));
}

function keepEnds(chars: string[], head: number, tail: number): string {
  return chars.map((char, i) => (i < head || i >= chars.length - tail ? char : MASK)).join('');
}
