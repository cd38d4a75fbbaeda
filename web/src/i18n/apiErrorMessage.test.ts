import { describe, expect, it } from 'vitest';
import { ApiError, type Problem } from '../api/client';
import { apiErrorMessage, formFieldErrors } from './apiErrorMessage';
import { createI18n } from './createI18n';

const apiError = (problem: Partial<Problem> & { code: string }) =>
  new ApiError({ type: 'about:blank', title: 'Server title', status: 400, ...problem });

describe('apiErrorMessage', () => {
  it('translates a known code in the UI language', () => {
    const error = apiError({ code: 'iam.invalid_credentials', status: 401 });
    expect(apiErrorMessage(error, createI18n('zh-CN'))).toBe('用户名或密码错误。');
    expect(apiErrorMessage(error, createI18n('en'))).toBe('Wrong username or password.');
  });

  it("falls back to the server's localized title for a code the web does not know yet", () => {
    const error = apiError({
      code: 'demands.invalid_transition',
      titles: { zh: '状态不允许', en: 'Not allowed' },
    });
    expect(apiErrorMessage(error, createI18n('zh-CN'))).toBe('状态不允许');
    expect(apiErrorMessage(error, createI18n('en'))).toBe('Not allowed');
  });

  it("falls back to the server's title when it sends no translations", () => {
    expect(apiErrorMessage(apiError({ code: 'demands.closed' }), createI18n('zh-CN'))).toBe('Server title');
  });

  it('does not take a code that names a group of sentences for a sentence', () => {
    expect(apiErrorMessage(apiError({ code: 'iam' }), createI18n('zh-CN'))).toBe('Server title');
  });

  it('gives a generic sentence for anything that is not an ApiError', () => {
    expect(apiErrorMessage(new Error('boom'), createI18n('zh-CN'))).toBe('操作失败，请稍后再试。');
  });
});

describe('formFieldErrors', () => {
  const errors: Problem['errors'] = [
    { field: '/newPassword', in: 'body', reason: 'too_short', message: { zh: '太短', en: 'Too short' } },
    { field: 'newPassword', in: 'body', reason: 'weak', message: { zh: '太弱', en: 'Too weak' } },
    {
      field: 'body.currentPassword',
      in: 'body',
      reason: 'required',
      message: { zh: '必填', en: 'Required' },
    },
    { field: 'x-request-id', in: 'headers', reason: 'format', message: { zh: '格式错误', en: 'Bad format' } },
    { field: 'nickname', in: 'body', reason: 'unknown', message: { zh: '未知字段', en: 'Unknown field' } },
  ];

  it('puts body errors on the form fields they name, in the UI language', () => {
    const result = formFieldErrors(apiError({ code: 'validation.failed', errors }), 'en', [
      'currentPassword',
      'newPassword',
    ]);
    expect(result.fields).toEqual([
      { name: 'newPassword', errors: ['Too short', 'Too weak'] },
      { name: 'currentPassword', errors: ['Required'] },
    ]);
    expect(result.other).toEqual(['Bad format', 'Unknown field']);
  });

  it('has nothing to say about an error without fields', () => {
    expect(formFieldErrors(new Error('boom'), 'zh-CN', ['username'])).toEqual({ fields: [], other: [] });
  });
});
