import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPostRecorder } from '../support/http-post-recorder.ts';
import { backends, createScratchDatabase, TEST_DATABASE_URL } from '../support/scratch-database.ts';

function startWorker(env: Record<string, string>): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(process.cwd(), 'test/e2e/crash-worker.ts')],
    {
      cwd: process.cwd(),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return { child, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

describe.each(backends)('a worker killed between posting and recording (%s)', (backend) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('the restarted worker routes what the killed one accepted but had not routed, each once', async () => {
    const recorder = await startPostRecorder();
    cleanups.push(recorder.close);
    const dbEnv: Record<string, string> = { DATA_DIR: mkdtempSync(join(tmpdir(), 'verbatim-crash-')) };
    if (backend === 'postgres') {
      const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
      cleanups.push(scratch.drop);
      dbEnv.DB_URL = scratch.url;
    }
    const texts = [
      'The invoice export is broken.',
      'Login fails with a 500 since this morning.',
      'Our webhook deliveries stopped arriving.',
      'Reports page times out for every user.',
      'Billing portal shows the wrong currency.',
    ];
    const first = startWorker({
      ...dbEnv,
      RECORDER_URL: recorder.url,
      CRASH_AFTER_POST: texts[0]!,
      INGEST: JSON.stringify(texts),
    });
    expect(await first.exited).toBeNull(); // killed by SIGKILL right after its first post
    const routedBy = (generation: string) =>
      recorder.posts.filter((post) => String(post.key).startsWith('post:') && post.generation === generation);
    const routedByKilled = routedBy('1').map((post) => (post.text as string[])[0]);
    // Every message was accepted (stored) by the killed worker; it routed only some of them.
    expect(routedByKilled).toEqual([texts[0]]);

    const second = startWorker({ ...dbEnv, RECORDER_URL: recorder.url, GENERATION: '2' });
    cleanups.push(async () => {
      second.child.kill('SIGTERM');
      await second.exited;
    });
    // The restarted worker reclaims the jobs the dead one held (missed heartbeat, delivery lease)
    // and routes every message the killed worker accepted but had not routed.
    const started = Date.now();
    const routedAll = () => {
      const routed = recorder.posts
        .filter((post) => String(post.key).startsWith('post:'))
        .map((post) => (post.text as string[])[0]);
      return texts.every((text) => routed.includes(text));
    };
    while (!routedAll() && Date.now() - started < 45_000) await new Promise((r) => setTimeout(r, 250));
    const recoveredIn = Date.now() - started;
    // A moment more, so a late duplicate would show.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    second.child.kill('SIGTERM');
    await second.exited;

    const routedByRestarted = routedBy('2').map((post) => (post.text as string[])[0]);
    expect(routedByRestarted.sort()).toEqual(texts.filter((text) => !routedByKilled.includes(text)).sort());
    const all = recorder.posts.filter((post) => String(post.key).startsWith('post:'));
    expect(all).toHaveLength(texts.length); // each exactly once: the killed worker's post is not repeated
    expect(recoveredIn).toBeLessThan(45_000);
  }, 60_000);
});
