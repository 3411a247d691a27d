// @vitest-environment happy-dom
// The on-demand page readers (lib/capture/linkedin/readers-source.ts): requested once per page,
// page reads wait for them, nothing is requested on pages that do not need them.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { createLinkedInCapture } from '@/lib/capture/linkedin/controller';
import { pageReaders } from '@/lib/capture/linkedin/page-readers';
import { READERS_GLOBAL, injectedReaders } from '@/lib/capture/linkedin/readers-source';
import { injectLinkedInReaders } from '@/lib/capture/linkedin/inject-readers';
import type { CaptureEventInput } from '@/lib/schema/events';

const fixtures = path.resolve(__dirname, '../../../fixtures/linkedin');
function load(name: string, url: string): Document {
  const win = new Window({
    url,
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true },
  });
  const doc = win.document as unknown as Document;
  doc.write(readFileSync(path.join(fixtures, `dom/${name}.html`), 'utf8'));
  return doc;
}
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A stand-in for the background's injection: after `ms`, the bundle "ran" in `world`. */
function injector(world: Record<string, unknown>, ms = 20, fail = 0) {
  const calls = { n: 0 };
  const request = async () => {
    calls.n++;
    await tick(ms);
    if (calls.n <= fail) throw new Error('tab gone');
    world[READERS_GLOBAL] = pageReaders;
  };
  return { calls, request };
}

describe('page readers injected on demand', () => {
  it('one request however many ask, none once they are here', async () => {
    const world: Record<string, unknown> = {};
    const { calls, request } = injector(world);
    const src = injectedReaders(request, world);
    expect(src.ready()).toBeNull();
    const all = await Promise.all([src.load(), src.load(), src.load()]);
    expect(calls.n).toBe(1);
    expect(all.every((r) => r === pageReaders)).toBe(true);
    expect(src.ready()).toBe(pageReaders);
    await src.load();
    expect(calls.n).toBe(1);
  });

  it('a failed request is tried again later, at most three times', async () => {
    const world: Record<string, unknown> = {};
    const { calls, request } = injector(world, 1, 99);
    const src = injectedReaders(request, world);
    for (let i = 0; i < 5; i++) expect(await src.load()).toBeNull();
    expect(calls.n).toBe(3);
  });

  it('a profile page is read once the readers arrive; the request is made once', async () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/in/ana-garcia-1/');
    const world: Record<string, unknown> = {};
    const { calls, request } = injector(world, 40);
    const out: CaptureEventInput[] = [];
    const w = createLinkedInCapture({
      readers: injectedReaders(request, world),
      doc,
      push: (e) => out.push(...e),
      profileDelayMs: 0,
      healthEveryMs: 1e9,
    });
    w.scanAll();
    w.scanAll();
    w.handle([]);
    await tick(10);
    w.flush();
    expect(out.filter((e) => e.type === 'prospect')).toHaveLength(0); // the readers are not here yet
    await tick(100);
    w.flush();
    w.stop();
    expect(calls.n).toBe(1);
    expect(out.filter((e) => e.type === 'prospect')).toHaveLength(1);
  });

  it('a messaging page asks for nothing', async () => {
    const doc = load('profile-sdui', 'https://www.linkedin.com/messaging/thread/2-abc/');
    const world: Record<string, unknown> = {};
    const { calls, request } = injector(world);
    const w = createLinkedInCapture({
      readers: injectedReaders(request, world),
      doc,
      push: () => undefined,
      profileDelayMs: 0,
      healthEveryMs: 1e9,
    });
    w.scanAll();
    await tick(50);
    w.stop();
    expect(calls.n).toBe(0);
  });

  it('the background injects into the asking LinkedIn frame only', async () => {
    const seen: unknown[] = [];
    const exec = async (i: unknown) => void seen.push(i);
    await injectLinkedInReaders(exec, { tab: { id: 3 }, frameId: 0, url: 'https://www.linkedin.com/in/x/' });
    expect(seen).toEqual([{ target: { tabId: 3, frameIds: [0] }, files: ['/linkedin-pages.js'] }]);
    await expect(
      injectLinkedInReaders(exec, { tab: { id: 3 }, frameId: 0, url: 'https://evil.example/' }),
    ).rejects.toThrow();
    await expect(injectLinkedInReaders(exec, { frameId: 0, url: 'https://www.linkedin.com/feed/' })).rejects.toThrow();
    expect(seen).toHaveLength(1);
  });
});
