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

  it('loses nothing and posts nothing twice after a restart', async () => {
    const recorder = await startPostRecorder();
    cleanups.push(recorder.close);
    const dbEnv: Record<string, string> = { DATA_DIR: mkdtempSync(join(tmpdir(), 'verbatim-crash-')) };
    if (backend === 'postgres') {
      const scratch = await createScratchDatabase(TEST_DATABASE_URL!);
      cleanups.push(scratch.drop);
      dbEnv.DB_URL = scratch.url;
    }
    const texts = ['The invoice export is broken.'];
    const first = startWorker({
      ...dbEnv,
      RECORDER_URL: recorder.url,
      CRASH_AFTER_POST: '1',
      INGEST: JSON.stringify(texts),
    });
    expect(await first.exited).toBeNull(); // killed by SIGKILL
    expect(recorder.posts).toHaveLength(1);

    const second = startWorker({ ...dbEnv, RECORDER_URL: recorder.url });
    // The restarted worker retries the lost job once its lease and expiry run out, finds the
    // earlier post by its delivery key, and records it instead of posting again.
    await new Promise((resolve) => setTimeout(resolve, 12_000));
    second.child.kill('SIGTERM');
    await second.exited;
    const routed = recorder.posts.filter((post) => String(post.key).startsWith('post:'));
    expect(routed).toHaveLength(1);
    expect(routed[0]?.text).toEqual(texts);
  }, 60_000);
});
