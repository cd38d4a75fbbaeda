import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/client';
import { headersOf, stubServer } from '../../api/testing';
import {
  createDemand,
  demandsExportUrl,
  fetchCategories,
  fetchDemands,
  fetchDuplicates,
  newIdempotencyKey,
  takeDemandAction,
  uploadDemandPhoto,
} from './api';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('createDemand', () => {
  const body = { categoryCode: 'property.repair', description: '楼道灯坏了', channel: 'hotline' as const };

  it('posts JSON with the Idempotency-Key and the CSRF token', async () => {
    const calls = stubServer(() =>
      Response.json({ id: 'd1', number: 'BZ20250303-0001', status: 'received' }, { status: 201 }),
    );
    await expect(createDemand(body, 'key-1', 'csrf-1')).resolves.toEqual({
      id: 'd1',
      number: 'BZ20250303-0001',
      status: 'received',
    });
    expect(calls[0]?.url).toBe('/api/v1/demands');
    expect(calls[0]?.init.method).toBe('POST');
    expect(calls[0]?.init.credentials).toBe('same-origin');
    expect(headersOf(calls[0])).toMatchObject({
      'content-type': 'application/json',
      'idempotency-key': 'key-1',
      'x-csrf-token': 'csrf-1',
    });
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual(body);
  });

  it('turns a problem into an ApiError that names the fields', async () => {
    const errors = [
      { field: 'description', in: 'body', reason: 'required', message: { zh: '必填', en: 'Required' } },
    ];
    stubServer(
      () =>
        new Response(
          JSON.stringify({
            type: 'about:blank',
            status: 400,
            code: 'validation.failed',
            title: 'Bad',
            errors,
          }),
          {
            status: 400,
            headers: { 'content-type': 'application/problem+json' },
          },
        ),
    );
    const error = await createDemand(body, 'k', 'c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'validation.failed', errors });
  });

  it('reports an unreachable server as network.unreachable', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    await expect(createDemand(body, 'k', 'c')).rejects.toMatchObject({
      status: 0,
      code: 'network.unreachable',
    });
  });
});

describe('uploadDemandPhoto', () => {
  it('sends the image as the raw body with its type', async () => {
    const calls = stubServer(() => Response.json({ sha256: 'a'.repeat(64), mime: 'image/png', size: 3 }));
    const file = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' });
    await expect(uploadDemandPhoto(file, 'csrf')).resolves.toMatchObject({ mime: 'image/png' });
    expect(calls[0]?.url).toBe('/api/v1/demands/files');
    expect(headersOf(calls[0])['content-type']).toBe('image/png');
    expect(calls[0]?.init.body).toBe(file);
  });
});

describe('newIdempotencyKey', () => {
  it('is a fresh UUID each time', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

describe('the list and its export', () => {
  it('sends only the filters set, with the cursor', async () => {
    const calls = stubServer(() => Response.json({ items: [], nextCursor: null, total: 0 }));
    await fetchDemands({ status: 'dispatched,in_hand', mine: 'true', q: '  ' }, 'c2');
    expect(calls[0]?.url).toBe('/api/v1/demands?status=dispatched%2Cin_hand&mine=true&cursor=c2');
  });

  it('downloads the same filters as Excel, without a page size', () => {
    expect(demandsExportUrl({ status: 'replied', areaCode: '371602001', limit: 50 })).toBe(
      '/api/v1/demands.xlsx?areaCode=371602001&status=replied',
    );
  });
});

describe('answers that are lists', () => {
  it.each([[[{ code: 'a' }]], [{ items: [{ code: 'a' }] }]])('accepts %o', async (answer) => {
    stubServer(() => Response.json(answer));
    await expect(fetchCategories()).resolves.toEqual([{ code: 'a' }]);
  });

  it('asks for duplicates by category and point', async () => {
    const calls = stubServer(() => Response.json([]));
    await fetchDuplicates({ categoryCode: 'sanitation', lng: 117.5, lat: 37.25 });
    expect(calls[0]?.url).toBe('/api/v1/demands/duplicates?categoryCode=sanitation&lng=117.5&lat=37.25');
  });
});

describe('takeDemandAction', () => {
  it('posts the step with an empty photo list by default', async () => {
    const calls = stubServer(() => Response.json({ ok: true }));
    await takeDemandAction('d 1', { action: 'accept' });
    expect(calls[0]?.url).toBe('/api/v1/demands/d%201/actions');
    expect(JSON.parse(String(calls[0]?.init.body))).toEqual({ photos: [], action: 'accept' });
  });
});
