import { describe, expect, it } from 'vitest';
import { loginPath, safeNextPath } from './redirect';

describe('safeNextPath', () => {
  it.each([
    ['/demands?status=open', '/demands?status=open'],
    ['/areas/map', '/areas/map'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/path', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/login', '/'],
    ['/login?next=%2Fdemands', '/'],
  ])('follows %s to %s', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });
});

describe('loginPath', () => {
  it('remembers the page, its query and its hash', () => {
    expect(loginPath({ pathname: '/demands', search: '?status=open', hash: '#top' })).toBe(
      `/login?next=${encodeURIComponent('/demands?status=open#top')}`,
    );
  });

  it('needs no next parameter for the home page', () => {
    expect(loginPath({ pathname: '/' })).toBe('/login');
  });
});
