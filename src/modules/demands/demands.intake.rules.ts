import { parseMobile } from '../../lib/phone';
import { type FieldProblem, fieldProblem } from '../../server/errors';
import type { CategoryAttribute } from './demands.schemas';
import type { DemandChannel, DemandOrigin } from './demands.table';

// What intake checks beyond the shape of the body: who may file through which channel, who the
// reporter is and whether a callback is possible, and the category's attribute answers.
// Beijing 接诉即办 regulation art. 10: the work order records when the demand came in, what it is
// and how to reach the person (联系方式); art. 8 para. 3: their personal data is protected.

/**
 * Which channel the caller may use. `mobile` is a signed-in person's own phone; `patrol` and
 * `hotline` are worked by people who handle demands (grid workers, operators) — a resident cannot
 * pick them; `open311` is set by the Open311 route only. A problem found on patrol (巡查发现,
 * origin `found`) comes from patrol alone (Binzhou grid regulation art. 11: 网格员…收集…问题隐患).
 */
export function channelProblems(input: {
  channel: DemandChannel;
  origin: DemandOrigin;
  /** The caller is a signed-in user (not an API token). */
  isUser: boolean;
  /** The caller holds demands.handle somewhere. */
  mayHandle: boolean;
}): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (input.channel === 'mobile' && !input.isUser)
    problems.push(
      fieldProblem('channel', 'needs_user', {
        zh: '手机端提交须由登录用户本人进行',
        en: 'Filing from the mobile page needs a signed-in person',
      }),
    );
  if ((input.channel === 'patrol' || input.channel === 'hotline') && !input.mayHandle)
    problems.push(
      fieldProblem('channel', 'not_allowed', {
        zh: '只有网格员或热线工作人员可以通过该渠道登记',
        en: 'Only grid workers and hotline operators file through this channel',
      }),
    );
  if (input.origin === 'found' && input.channel !== 'patrol')
    problems.push(
      fieldProblem('origin', 'patrol_only', {
        zh: '“巡查发现”只能由网格员巡查时登记',
        en: 'A problem found on patrol is filed through the patrol channel',
      }),
    );
  return problems;
}

export interface ReporterInput {
  channel: DemandChannel;
  origin: DemandOrigin;
  /** The signed-in user's id (null for API tokens). */
  actorUserId: string | null;
  name?: string | null | undefined;
  phone?: string | null | undefined;
  anonymous: boolean;
  callbackConsent: boolean;
}

export interface ReporterFacts {
  /** Set on the mobile channel: the signed-in person is the reporter and follows their demand. */
  userId: string | null;
  name: string | null;
  /** Eleven digits, normalized. */
  phone: string | null;
  anonymous: boolean;
  /** 有效回访: the reporter agreed to a callback and can be reached (Beijing art. 23). */
  callbackValid: boolean;
  problems: FieldProblem[];
}

/**
 * Who reported the demand. On `mobile` it is the signed-in person (name and phone as they typed
 * them); on the hotline the caller; on patrol either the resident the worker files for (origin
 * `resident`) or nobody (origin `found`). An anonymous reporter's name is not kept at all; the
 * phone is kept only so that the callback can happen (the flag hides both from handlers).
 */
export function reporterOf(input: ReporterInput): ReporterFacts {
  if (input.origin === 'found')
    return { userId: null, name: null, phone: null, anonymous: false, callbackValid: false, problems: [] };
  const problems: FieldProblem[] = [];
  let phone: string | null = null;
  const rawPhone = input.phone?.trim();
  if (rawPhone) {
    const parsed = parseMobile(rawPhone);
    if (parsed.ok) phone = parsed.value;
    else
      problems.push(
        fieldProblem('reporterPhone', parsed.reason, {
          zh: '请填写11位手机号码',
          en: 'Give an 11-digit mainland mobile number',
        }),
      );
  }
  const userId = input.channel === 'mobile' ? input.actorUserId : null;
  const name = input.anonymous ? null : input.name?.trim() || null;
  return {
    userId,
    name,
    phone,
    anonymous: input.anonymous,
    callbackValid: isCallbackValid({
      consent: input.callbackConsent,
      origin: input.origin,
      reachable: phone !== null || userId !== null,
    }),
    problems,
  };
}

/**
 * A demand counts for the three rates only with a valid callback (有效回访, Beijing art. 23 and
 * art. 32): a resident raised it, agreed to be called back, and can be reached — by phone, or in
 * the app when they filed it signed in.
 */
export function isCallbackValid(input: {
  consent: boolean;
  origin: DemandOrigin;
  reachable: boolean;
}): boolean {
  return input.consent && input.origin === 'resident' && input.reachable;
}

/** At least one of a point, an area or an address says where the matter is. */
export function placeProblems(input: { hasLocation: boolean; hasAreaCode: boolean; hasAddress: boolean }) {
  if (input.hasLocation || input.hasAreaCode || input.hasAddress) return [];
  return [
    fieldProblem('location', 'required', {
      zh: '请在地图上选择位置、选择所在区域或填写地址',
      en: 'Pick the place on the map, choose the area, or type the address',
    }),
  ];
}

type Answers = Record<string, string | string[]>;

const isBlank = (v: string | string[] | undefined) =>
  v === undefined || (Array.isArray(v) ? v.length === 0 : v.trim() === '');

/**
 * The category's attribute answers (Open311 service definition): required ones present, numbers
 * and date-times readable, list answers among the list's keys, nothing the category does not ask.
 * Each problem names `attributes.<code>`.
 */
export function attributeProblems(defs: readonly CategoryAttribute[], answers: Answers): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const byCode = new Map(defs.map((d) => [d.code, d]));
  const problem = (code: string, reason: string, zh: string, en: string) =>
    problems.push(fieldProblem(`attributes.${code}`, reason, { zh, en }));

  for (const code of Object.keys(answers))
    if (!byCode.has(code)) problem(code, 'unknown', '该类别没有此项', 'This category does not ask this');

  for (const def of [...defs].sort((a, b) => a.order - b.order)) {
    const value = answers[def.code];
    if (isBlank(value)) {
      if (def.required)
        problem(def.code, 'required', `请填写：${def.description.zh}`, `Required: ${def.description.en}`);
      continue;
    }
    const keys = new Set(def.values.map((v) => v.key));
    const reason = answerProblem(def, value as string | string[], keys);
    if (reason) problem(def.code, reason, ATTRIBUTE_REASONS[reason].zh, ATTRIBUTE_REASONS[reason].en);
  }
  return problems;
}

const ATTRIBUTE_REASONS = {
  not_text: { zh: '应为一段文字', en: 'Should be one text value' },
  not_number: { zh: '应为数字', en: 'Should be a number' },
  not_datetime: { zh: '应为日期时间（ISO 8601）', en: 'Should be an ISO 8601 date-time' },
  not_in_list: { zh: '不是可选的选项', en: 'Not one of the offered choices' },
} as const;
type AttributeReason = keyof typeof ATTRIBUTE_REASONS;

const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 with a real calendar date (no 30 February) and a readable time. */
function isIsoDateTime(value: string): boolean {
  if (!ISO_DATETIME.test(value) || Number.isNaN(Date.parse(value))) return false;
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  return day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function answerProblem(
  def: CategoryAttribute,
  value: string | string[],
  keys: Set<string>,
): AttributeReason | null {
  switch (def.datatype) {
    case 'string':
    case 'text':
      return typeof value === 'string' ? null : 'not_text';
    case 'number':
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? null
        : 'not_number';
    case 'datetime':
      return typeof value === 'string' && isIsoDateTime(value.trim()) ? null : 'not_datetime';
    case 'singlevaluelist':
      return typeof value === 'string' && keys.has(value) ? null : 'not_in_list';
    case 'multivaluelist':
      return [value].flat().every((v) => keys.has(v)) ? null : 'not_in_list';
  }
}

/** The first 120 characters of the description, as lists show it. */
export function summaryOf(description: string): string {
  return Array.from(description).slice(0, 120).join('');
}
