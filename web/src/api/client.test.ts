import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, apiFetch, apiPostRaw, buildUrl, setCsrfToken, setSessionEndedHandler } from './client';
import { headersOf, stubServer } from './testing';

function problem(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify({ type: 'about:blank', status, ...body }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

beforeEach(() => {
  setCsrfToken(undefined);
  setSessionEndedHandler(undefined);
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('apiFetch', () => {
  it('sends JSON with the session cookie and returns the parsed body', async () => {
    const calls = stubServer(() => Response.json({ ok: true }));
    await expect(apiFetch('/api/v1/things', { method: 'POST', body: { name: '滨城区' } })).resolves.toEqual({
      ok: true,
    });
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(calls[0]?.init.body).toBe('{"name":"滨城区"}');
    expect(headersOf(calls[0])['content-type']).toBe('application/json');
  });

  it('sends the CSRF token on writes but not on reads', async () => {
    const calls = stubServer(() => new Response(null, { status: 204 }));
    setCsrfToken('token-1');
    await apiFetch('/api/v1/things');
    await apiFetch('/api/v1/things/1', { method: 'DELETE' });
    expect(headersOf(calls[0])['x-csrf-token']).toBeUndefined();
    expect(headersOf(calls[1])['x-csrf-token']).toBe('token-1');
  });

  it('resolves a 204 with undefined', async () => {
    stubServer(() => new Response(null, { status: 204 }));
    await expect(apiFetch('/api/v1/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
  });

  it('turns a validation problem into an ApiError that names the fields', async () => {
    const errors = [
      { field: 'username', in: 'body', reason: 'required', message: { zh: '必填', en: 'Required' } },
    ];
    stubServer(() => problem(400, { code: 'validation.failed', title: 'Validation failed', errors }));
    const error = await apiFetch('/api/v1/auth/login', { method: 'POST', body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation.failed',
      title: 'Validation failed',
      errors,
    });
  });

  it('keeps extensions of the problem such as the unlock time', async () => {
    stubServer(() =>
      problem(423, { code: 'iam.account_locked', title: 'Locked', lockedUntil: '2025-03-01T08:30:00Z' }),
    );
    const error = (await apiFetch('/api/v1/auth/login', { method: 'POST', body: {} }).catch(
      (e) => e,
    )) as ApiError;
    expect(error.problem.lockedUntil).toBe('2025-03-01T08:30:00Z');
    expect(error.errors).toEqual([]);
  });

  it('reports a non-problem failure such as a proxy error page as internal.error', async () => {
    stubServer(() => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    await expect(apiFetch('/api/v1/things')).rejects.toMatchObject({ status: 502, code: 'internal.error' });
  });

  it('reports an unreachable server as network.unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(apiFetch('/api/v1/things')).rejects.toMatchObject({
      status: 0,
      code: 'network.unreachable',
    });
  });

  it.each(['iam.unauthenticated', 'iam.session_expired'])(
    'sends the user to log in again on 401 %s',
    async (code) => {
      stubServer(() => problem(401, { code, title: 'Unauthenticated' }));
      const onSessionEnded = vi.fn();
      setSessionEndedHandler(onSessionEnded);
      await expect(apiFetch('/api/v1/things')).rejects.toMatchObject({ status: 401, code });
      expect(onSessionEnded).toHaveBeenCalledOnce();
    },
  );

  it.each([
    [401, 'iam.invalid_credentials'],
    [401, 'iam.password_mismatch'],
    [403, 'iam.forbidden'],
  ])('leaves a %s %s to the form that caused it', async (status, code) => {
    stubServer(() => problem(status, { code, title: 'No' }));
    const onSessionEnded = vi.fn();
    setSessionEndedHandler(onSessionEnded);
    await expect(apiFetch('/api/v1/auth/login', { method: 'POST', body: {} })).rejects.toMatchObject({
      code,
    });
    expect(onSessionEnded).not.toHaveBeenCalled();
  });
});

describe('apiPostRaw', () => {
  it('posts the body as it is, with its content type and the CSRF token given', async () => {
    const calls = stubServer(() => Response.json({ sha256: 'abc' }, { status: 201 }));
    const file = new Blob(['PK'], { type: 'application/octet-stream' });
    await expect(
      apiPostRaw('/api/v1/things/files', {
        headers: { 'content-type': 'image/png' },
        body: file,
        csrfToken: 'c1',
      }),
    ).resolves.toEqual({ sha256: 'abc' });
    expect(calls[0]?.init).toMatchObject({ method: 'POST', credentials: 'same-origin', body: file });
    expect(headersOf(calls[0])).toMatchObject({ 'content-type': 'image/png', 'x-csrf-token': 'c1' });
  });

  it('reports a proxy refusing a large file as request.body_too_large', async () => {
    stubServer(
      () => new Response('<html>413</html>', { status: 413, headers: { 'content-type': 'text/html' } }),
    );
    await expect(
      apiPostRaw('/api/v1/things/imports', { headers: {}, body: 'x', csrfToken: undefined }),
    ).rejects.toMatchObject({ status: 413, code: 'request.body_too_large' });
  });
});

describe('buildUrl', () => {
  it('leaves out empty values and repeats a key for each array entry', () => {
    expect(
      buildUrl('/api/v1/demands', { status: ['open', 'overdue'], q: undefined, page: null, limit: 20 }),
    ).toBe('/api/v1/demands?status=open&status=overdue&limit=20');
  });

  it('returns the bare path when nothing is left', () => {
    expect(buildUrl('/api/v1/demands', { q: undefined })).toBe('/api/v1/demands');
  });
});
