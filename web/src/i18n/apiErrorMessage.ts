import type { i18n as I18n } from 'i18next';
import { isApiError } from '../api/client';
import { pickLocalized } from './language';

/**
 * The sentence to show for a failed request: our own translation of the server's `code`
 * (`apiErrors:iam.account_locked`), else the server's localized title, else a generic sentence.
 */
export function apiErrorMessage(error: unknown, i18n: I18n): string {
  if (!isApiError(error)) return i18n.t('apiErrors:fallback');
  // Only a sentence counts: a code such as `iam` would otherwise find the whole `iam` group.
  const language = i18n.resolvedLanguage ?? i18n.language;
  if (error.code && typeof i18n.getResource(language, 'apiErrors', error.code) === 'string') {
    return i18n.t(`apiErrors:${error.code}`);
  }
  if (error.titles) return pickLocalized(error.titles, i18n.language);
  return error.title || i18n.t('apiErrors:fallback');
}

export type FormFieldErrors<Field extends string> = {
  /** In the shape antd's `form.setFields` takes. */
  fields: { name: Field; errors: string[] }[];
  /** Messages about fields this form does not have (or not in the body), to show above the form. */
  other: string[];
};

/**
 * Splits a problem's field errors into those of the given form fields and the rest. The server may
 * name a body field `newPassword`, `/newPassword` or `body.newPassword`.
 */
export function formFieldErrors<Field extends string>(
  error: unknown,
  language: string,
  formFields: readonly Field[],
): FormFieldErrors<Field> {
  const result: FormFieldErrors<Field> = { fields: [], other: [] };
  if (!isApiError(error)) return result;
  const byField = new Map<Field, string[]>();
  for (const fieldError of error.errors) {
    const message = pickLocalized(fieldError.message, language);
    const path = fieldError.field.replace(/^\/+/, '').replace(/^body[./]/, '');
    const field = formFields.find((name) => name === path);
    if (fieldError.in !== 'body' || !field) {
      result.other.push(message);
      continue;
    }
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  result.fields = [...byField].map(([name, errors]) => ({ name, errors }));
  return result;
}
