/** The server's rule for new passwords: at least 10 characters and 3 of the 4 character classes. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MIN_CLASSES = 3;

export type PasswordCheck = {
  longEnough: boolean;
  classes: { lower: boolean; upper: boolean; digit: boolean; symbol: boolean };
  classCount: number;
  acceptable: boolean;
};

/** Mirrors the server-side strength rule so the form can say what is missing before a round trip. */
export function checkPasswordStrength(password: string): PasswordCheck {
  const classes = {
    lower: /\p{Ll}/u.test(password),
    upper: /\p{Lu}/u.test(password),
    digit: /\p{Nd}/u.test(password),
    symbol: /[^\p{L}\p{Nd}\s]/u.test(password),
  };
  const classCount = Object.values(classes).filter(Boolean).length;
  const longEnough = [...password].length >= PASSWORD_MIN_LENGTH;
  return { longEnough, classes, classCount, acceptable: longEnough && classCount >= PASSWORD_MIN_CLASSES };
}
