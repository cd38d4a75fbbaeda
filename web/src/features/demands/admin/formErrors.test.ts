import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../api/client';
import { serverFieldErrors } from './formErrors';

const problem = (errors: { field: string; in: 'body' | 'params'; zh: string }[]) =>
  new ApiError({
    type: 'x',
    title: 'x',
    status: 400,
    code: 'demands.invalid_category',
    errors: errors.map((e) => ({
      field: e.field,
      in: e.in,
      reason: 'r',
      message: { zh: e.zh, en: `en ${e.zh}` },
    })),
  });

describe('serverFieldErrors', () => {
  it('puts body errors on the form fields it has, array paths included, and the rest aside', () => {
    const error = problem([
      { field: 'firstContactHours', in: 'body', zh: '太长' },
      { field: 'attributes.0.code', in: 'body', zh: '重复' },
      { field: 'date', in: 'params', zh: '日期' },
      { field: 'colour', in: 'body', zh: '未知' },
    ]);
    expect(serverFieldErrors(error, 'zh-CN', ['firstContactHours', 'attributes'])).toEqual({
      fields: [
        { name: ['firstContactHours'], errors: ['太长'] },
        { name: ['attributes', 0, 'code'], errors: ['重复'] },
      ],
      other: ['日期', '未知'],
    });
  });

  it('renames a path and speaks English when asked', () => {
    const error = problem([{ field: 'rates.weights', in: 'body', zh: '和' }]);
    expect(
      serverFieldErrors(error, 'en', ['rates'], { 'rates.weights': ['rates', 'weights', 'response'] }),
    ).toEqual({
      fields: [{ name: ['rates', 'weights', 'response'], errors: ['en 和'] }],
      other: [],
    });
  });

  it('has nothing for an error that is not a problem', () => {
    expect(serverFieldErrors(new Error('x'), 'zh-CN', ['a'])).toEqual({ fields: [], other: [] });
  });
});
