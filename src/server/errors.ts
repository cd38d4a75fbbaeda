/** Bilingual text: every message a user can read exists in Chinese and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface FieldProblem {
  field: string;
  in: 'body' | 'query' | 'params' | 'headers';
  reason: string;
  message: Bilingual;
}

/**
 * The one error type services throw. `code` is stable (`<module>.<reason>`) and becomes the
 * problem+json `code` and `type`; the web turns it into a sentence through i18n.
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly title: Bilingual;
  readonly errors: FieldProblem[] | undefined;
  readonly extra: Record<string, unknown> | undefined;

  constructor(opts: {
    code: string;
    status: number;
    title: Bilingual;
    errors?: FieldProblem[];
    extra?: Record<string, unknown>;
  }) {
    super(`${opts.code}: ${opts.title.en}`);
    this.code = opts.code;
    this.status = opts.status;
    this.title = opts.title;
    this.errors = opts.errors;
    this.extra = opts.extra;
  }
}

export const commonErrors = {
  notFound: (what: Bilingual = { zh: '记录', en: 'Record' }) =>
    new AppError({
      code: 'common.not_found',
      status: 404,
      title: { zh: `${what.zh}不存在或无权查看`, en: `${what.en} not found` },
    }),
  validation: (errors: FieldProblem[]) =>
    new AppError({
      code: 'validation.failed',
      status: 400,
      title: { zh: '请求参数有误', en: 'The request is invalid' },
      errors,
    }),
  conflict: (code: string, title: Bilingual) => new AppError({ code, status: 409, title }),
};

/** A single field problem, for services that check beyond the request's shape. */
export function fieldProblem(field: string, reason: string, message: Bilingual): FieldProblem {
  return { field, in: 'body', reason, message };
}
