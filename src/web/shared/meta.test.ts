import { afterEach, describe, expect, it, vi } from 'vitest';

/** The web apps' banner flag, read once from GET /api/meta (fetch is the outside world here). */

afterEach(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

async function flagWhen(answer: () => Promise<Response>): Promise<boolean> {
  const fetchMock = vi.fn((_url: string) => answer());
  vi.stubGlobal('fetch', fetchMock);
  const { fetchDemoAccounts } = await import('./meta');
  const first = await fetchDemoAccounts();
  expect(await fetchDemoAccounts()).toBe(first);
  expect(fetchMock).toHaveBeenCalledTimes(1);
  expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/meta');
  return first;
}

describe('the 演示环境 banner flag', () => {
  it('is on when the server says demo accounts exist, asked once per page load', async () => {
    expect(await flagWhen(() => Promise.resolve(Response.json({ demoAccounts: true })))).toBe(true);
  });

  it('is off when they do not, and when the server cannot be asked', async () => {
    expect(await flagWhen(() => Promise.resolve(Response.json({ demoAccounts: false })))).toBe(
      false,
    );
    vi.resetModules();
    expect(await flagWhen(() => Promise.resolve(new Response('', { status: 500 })))).toBe(false);
    vi.resetModules();
    expect(await flagWhen(() => Promise.reject(new Error('offline')))).toBe(false);
  });
});
