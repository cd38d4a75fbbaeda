import { describe, expect, it } from 'vitest';
import {
  MAX_PHOTO_BYTES,
  PHOTO_TYPES as SERVER_PHOTO_TYPES,
} from '../../../../../src/modules/demands/demands.files';
import { PHOTO_TYPES } from '../api';
import { megabytes, PHOTO_MAX_BYTES, photoProblem, shrunkSize } from './photoRules';

describe('photoProblem', () => {
  it.each([
    [{ type: 'image/jpeg', size: 1 }, null],
    [{ type: 'image/png', size: PHOTO_MAX_BYTES }, null],
    [{ type: 'image/webp', size: 2048 }, null],
    [{ type: 'IMAGE/JPEG', size: 2048 }, null],
    [{ type: 'image/png', size: PHOTO_MAX_BYTES + 1 }, 'tooLarge'],
    [{ type: 'image/gif', size: 100 }, 'wrongType'],
    [{ type: 'image/heic', size: 100 }, 'wrongType'],
    [{ type: 'application/pdf', size: PHOTO_MAX_BYTES + 1 }, 'wrongType'],
    [{ type: '', size: 100 }, 'wrongType'],
    [{ type: 'image/jpeg', size: 0 }, 'empty'],
  ] as const)('%o → %s', (file, problem) => {
    expect(photoProblem(file)).toBe(problem);
  });

  it('takes another limit', () => {
    expect(photoProblem({ type: 'image/jpeg', size: 11 }, 10)).toBe('tooLarge');
    expect(photoProblem({ type: 'image/jpeg', size: 10 }, 10)).toBeNull();
  });
});

describe('megabytes', () => {
  it('prints whole and fractional megabytes', () => {
    expect(megabytes(5 * 1024 * 1024)).toBe('5');
    expect(megabytes(1.5 * 1024 * 1024)).toBe('1.5');
  });
});

describe('shrunkSize', () => {
  it('keeps a small photo as it is', () => {
    expect(shrunkSize(1200, 800)).toEqual({ width: 1200, height: 800 });
    expect(shrunkSize(1600, 1600)).toEqual({ width: 1600, height: 1600 });
  });
  it('brings the longest side to the limit, keeping proportions', () => {
    expect(shrunkSize(4000, 3000)).toEqual({ width: 1600, height: 1200 });
    expect(shrunkSize(3000, 4000)).toEqual({ width: 1200, height: 1600 });
    expect(shrunkSize(1601, 1, 1600)).toEqual({ width: 1600, height: 1 });
  });
});

describe('the rules match the server', () => {
  it('has the same size limit and types as demands.files.ts', () => {
    expect(PHOTO_MAX_BYTES).toBe(MAX_PHOTO_BYTES);
    expect([...PHOTO_TYPES].sort()).toEqual([...SERVER_PHOTO_TYPES].sort());
  });
});
