import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { createI18n } from '../../../i18n/createI18n';
import { demandErrorLine, demandErrorMessage, describeDemandError, formErrors, topField } from './errors';

const zh = createI18n('zh-CN');
const en = createI18n('en');

const problem = (code: string, extra: Record<string, unknown> = {}) =>
  new ApiError({ type: 'about:blank', title: 'x', status: 400, code, ...extra });

describe('topField', () => {
  it.each([
    ['note', 'note'],
    ['/note', 'note'],
    ['body.note', 'note'],
    ['/extension/limit', 'extension'],
    ['extension.limit', 'extension'],
    ['photos[0]', 'photos'],
    ['location.lng', 'location'],
  ])('%s → %s', (name, field) => {
    expect(topField(name)).toBe(field);
  });
});

describe('demandErrorMessage', () => {
  it('says our own sentence for a demands code, in the reader’s language', () => {
    expect(demandErrorMessage(problem('demands.invalid_transition'), zh)).toBe(
      '诉求当前状态下不能进行该操作，请刷新后重试',
    );
    expect(demandErrorMessage(problem('demands.invalid_transition'), en)).toMatch(/current state/);
  });

  it('falls back to the server’s bilingual title, then to the common sentence', () => {
    const titled = problem('demands.something_new', { titles: { zh: '新的错误', en: 'A new error' } });
    expect(demandErrorMessage(titled, zh)).toBe('新的错误');
    expect(demandErrorMessage(titled, en)).toBe('A new error');
    expect(demandErrorMessage(new Error('boom'), zh)).toBe(zh.t('apiErrors:fallback'));
  });

  it('does not take a group of keys for a sentence', () => {
    expect(demandErrorMessage(problem('demands', { titles: { zh: '组', en: 'group' } }), zh)).toBe('组');
  });
});

describe('describeDemandError', () => {
  const refused = problem('demands.reason_required', {
    errors: [
      {
        field: 'note',
        in: 'body',
        reason: 'required',
        message: { zh: '请填写理由或说明', en: 'Give a reason' },
      },
      { field: '/extension/limit', in: 'body', reason: 'too_big', message: { zh: '过大', en: 'Too big' } },
      { field: 'mystery', in: 'body', reason: 'x', message: { zh: '未知', en: 'Unknown' } },
    ],
  });

  it('names each field with its label', () => {
    expect(describeDemandError(refused, zh)).toEqual({
      message: '该操作须填写理由或说明',
      fields: [
        { field: 'note', label: '说明', message: '请填写理由或说明' },
        { field: 'extension', label: '延期时限', message: '过大' },
        { field: 'mystery', label: 'mystery', message: '未知' },
      ],
    });
    expect(demandErrorLine(refused, zh)).toBe(
      '该操作须填写理由或说明：说明 — 请填写理由或说明; 延期时限 — 过大; mystery — 未知',
    );
    expect(demandErrorLine(refused, en)).toMatch(/^This step needs a reason or a note: Note — Give a reason/);
  });

  it('splits the fields the form has from the others', () => {
    const split = formErrors(describeDemandError(refused, zh), ['note', 'limit']);
    expect(split.fields).toEqual([{ name: 'note', errors: ['请填写理由或说明'] }]);
    expect(split.other.map((f) => f.field)).toEqual(['extension', 'mystery']);
  });
});
