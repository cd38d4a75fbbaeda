import type { i18n as I18n } from 'i18next';
import { isApiError } from '../../../api/client';
import { apiErrorMessage } from '../../../i18n/apiErrorMessage';
import { pickLocalized } from '../../../i18n/language';

// A failed demands request in the reader's language: our own sentence for the problem's code
// (`demands:errors.demands.invalid_transition`), else the common one, and each field the server
// named with its label (`demands:fields.note`) and the server's message.

export type NamedFieldError = {
  /** The body field as the form knows it (`note`, `extension`, `location`). */
  field: string;
  label: string;
  message: string;
};

export type DemandProblem = { message: string; fields: NamedFieldError[] };

/** `/note`, `body.note`, `extension.limit`, `photos/0` → the top field `note`, `extension`, `photos`. */
export function topField(name: string): string {
  const path = name.replace(/^\/+/, '').replace(/^body[./]/, '');
  return path.split(/[./[]/)[0] ?? path;
}

function languageOf(i18n: I18n): string {
  return i18n.resolvedLanguage ?? i18n.language;
}

export function demandErrorMessage(error: unknown, i18n: I18n): string {
  if (isApiError(error) && error.code) {
    const own = i18n.getResource(languageOf(i18n), 'demands', `errors.${error.code}`);
    if (typeof own === 'string') return own;
  }
  return apiErrorMessage(error, i18n);
}

/** The message and the named fields of a failed request. */
export function describeDemandError(error: unknown, i18n: I18n): DemandProblem {
  const message = demandErrorMessage(error, i18n);
  if (!isApiError(error)) return { message, fields: [] };
  const language = languageOf(i18n);
  const fields = error.errors.map((fieldError) => {
    const field = topField(fieldError.field);
    const label = i18n.getResource(language, 'demands', `fields.${field}`);
    return {
      field,
      label: typeof label === 'string' ? label : field,
      message: pickLocalized(fieldError.message, language),
    };
  });
  return { message, fields };
}

/** One line for a toast: "办理操作内容有误：说明 — 请填写理由或说明". */
export function demandErrorLine(error: unknown, i18n: I18n): string {
  const { message, fields } = describeDemandError(error, i18n);
  if (!fields.length) return message;
  const separator = languageOf(i18n) === 'en' ? ': ' : '：';
  return `${message}${separator}${fields.map((f) => `${f.label} — ${f.message}`).join('; ')}`;
}

/** Field errors for antd's `form.setFields`, for the fields the form has; the rest go above the form. */
export function formErrors(problem: DemandProblem, formFields: readonly string[]) {
  const byField = new Map<string, string[]>();
  const other: NamedFieldError[] = [];
  for (const f of problem.fields) {
    if (formFields.includes(f.field)) byField.set(f.field, [...(byField.get(f.field) ?? []), f.message]);
    else other.push(f);
  }
  return { fields: [...byField].map(([name, errors]) => ({ name, errors })), other };
}
