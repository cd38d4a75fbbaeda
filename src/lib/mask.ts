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

// A resident's free text may carry their own numbers ("请联系我13812345678"). Where such text is
// published (Open311 reads, Beijing 接诉即办 art. 34), the numbers in it are masked: mainland
// mobile numbers (11 digits from 13–19, optionally +86/86 and separated by spaces or hyphens as
// 3-4-4) and ID numbers (18 characters ending in a digit or X, or 15 digits). Only runs not glued
// to other digits count, so order numbers and amounts stay as they are.
const MOBILE_IN_TEXT = /(?<![\d])(?:\+?86[\s-]?)?(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![\d])/g;
const ID_IN_TEXT = /(?<![\dXx])(\d{17}[\dXx]|\d{15})(?![\dXx])/g;

/** The text with every mobile and ID number in it masked as maskPhone / maskIdNumber would. */
export function maskNumbersInText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (id: string) => maskIdNumber(id))
    .replace(MOBILE_IN_TEXT, (_m, a: string, b: string, c: string) => maskPhone(`${a}${b}${c}`));
}

// A name a resident gives in their text follows a word that introduces it: "我叫张三", "联系人：
// 李四", "姓名 王五". Only such cues are trusted — a bare name cannot be told from other words
// without a dictionary, and "我是业主" must stay as it is — so this catches what residents
// commonly write, not every name. Up to four characters after the cue are masked (欧阳娜娜): a
// three-character name followed by a word loses a character of that word too, never the reverse.
const NAME_CUE = /(我叫|名叫|联系人|姓名|报件人|反映人|诉求人|来电人)([:：\s]*)(\p{Script=Han}{2,4})/gu;

/**
 * The text as it may be published (Open311 reads, Beijing 接诉即办 art. 34): mobile and ID numbers
 * masked as maskNumbersInText does, and a name introduced by a cue word masked as maskName does.
 */
export function maskPersonalText(text: string): string {
  return maskNumbersInText(text).replace(
    NAME_CUE,
    (_m, cue: string, gap: string, name: string) => `${cue}${gap}${maskName(name)}`,
  );
}
