import { z } from 'zod';
import type { Bilingual, FieldProblem } from './errors';

/** RFC 9457 problem details, with our stable `code` and field list as extension members. */
export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    titles: z.object({ zh: z.string(), en: z.string() }),
    errors: z
      .array(
        z.object({
          field: z.string(),
          in: z.enum(['body', 'query', 'params', 'headers']),
          reason: z.string(),
          message: z.object({ zh: z.string(), en: z.string() }),
        }),
      )
      .optional(),
  })
  .catchall(z.unknown())
  .meta({ id: 'Problem' });

export type Problem = z.infer<typeof problemSchema>;

export const PROBLEM_TYPE_BASE = 'https://grassroots.binzhou.gov.cn/problems/';

export function problemBody(opts: {
  code: string;
  status: number;
  title: Bilingual;
  lang: 'zh' | 'en';
  errors?: FieldProblem[] | undefined;
  extra?: Record<string, unknown> | undefined;
  requestId?: string | undefined;
  instance?: string | undefined;
}): Problem {
  return {
    ...opts.extra,
    type: `${PROBLEM_TYPE_BASE}${opts.code}`,
    title: opts.title[opts.lang],
    status: opts.status,
    code: opts.code,
    titles: opts.title,
    ...(opts.errors ? { errors: opts.errors } : {}),
    ...(opts.requestId ? { requestId: opts.requestId } : {}),
    ...(opts.instance ? { instance: opts.instance } : {}),
  };
}

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string | undefined;
  params?: Record<string, unknown>;
}

const IN: Record<string, FieldProblem['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Chinese sentence for a zod issue; English keeps zod's own message. */
function zhMessage(issue: ValidationIssue): string {
  const p = issue.params ?? {};
  switch (issue.keyword) {
    case 'invalid_type':
      return p.input === undefined ? '必填' : `类型错误，应为 ${String(p.expected)}`;
    case 'too_small':
      return p.origin === 'string' ? `长度不能少于 ${String(p.minimum)}` : `不能小于 ${String(p.minimum)}`;
    case 'too_big':
      return p.origin === 'string' ? `长度不能超过 ${String(p.maximum)}` : `不能大于 ${String(p.maximum)}`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return `取值无效，可选值：${Array.isArray(p.values) ? p.values.join('、') : ''}`;
    case 'unrecognized_keys':
      return '不允许的字段';
    default:
      return '取值无效';
  }
}

export function validationProblems(issues: ValidationIssue[], context: string | undefined): FieldProblem[] {
  const where = IN[context ?? 'body'] ?? 'body';
  const base = (path: string) => path.replace(/^\//, '').replace(/\//g, '.');
  return issues.flatMap((issue) => {
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(issue.params?.keys)) {
      const prefix = base(issue.instancePath);
      return (issue.params.keys as string[]).map((key) => ({
        field: prefix ? `${prefix}.${key}` : key,
        in: where,
        reason: 'unrecognized_key',
        message: { zh: '不允许的字段', en: `unknown field "${key}"` },
      }));
    }
    return [
      {
        field: base(issue.instancePath) || '(root)',
        in: where,
        reason: issue.keyword,
        message: { zh: zhMessage(issue), en: issue.message ?? 'invalid value' },
      },
    ];
  });
}
