import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` is the documented way to run the bot, and SIGTERM the documented way to stop it: the
// script must hand the signal to the bot (it execs node), not leave it running behind npm.
const root = process.cwd();

function childEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    // No platform, no server database, no LLM: the bot starts with the embedded database only.
    if (/^(SLACK_|EMAIL_|MAILGUN_|IMAP_|ANTHROPIC_|DATABASE_URL|TEAMS_|npm_)/.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    VERBATIM_CONFIG: join(root, 'examples/verbatim.config.yaml'),
    VERBATIM_DATA_DIR: mkdtempSync(join(tmpdir(), 'verbatim-npm-start-')),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('warns that no adapter is connected, and stops the bot itself on SIGTERM', async () => {
    const npm = spawn('npm', ['start', '--silent'], { cwd: root, env: childEnv(), stdio: 'pipe' });
    let output = '';
    npm.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    npm.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => npm.on('exit', (code) => resolve(code)));
    try {
      await expect
        .poll(() => output, { timeout: 90_000, interval: 200 })
        .toMatch(/no platform adapter connected/);
      const botPid = Number(/"pid":(\d+)/.exec(output)?.[1]);
      expect(botPid).toBeGreaterThan(0);
      expect(botPid).not.toBe(npm.pid);
      // glibc's malloc settings reach the bot (docs/operations.md, "Memory").
      if (process.platform === 'linux') {
        const environment = readFileSync(`/proc/${botPid}/environ`, 'utf8').split('\0');
        expect(environment).toContain('MALLOC_ARENA_MAX=2');
        expect(environment).toContain('MALLOC_TRIM_THRESHOLD_=131072');
      }

      npm.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toMatch(/"signal":"SIGTERM"/);
      expect(output).toMatch(/"msg":"stopped"/);
      await expect.poll(() => alive(botPid), { timeout: 5_000 }).toBe(false);
    } finally {
      if (npm.exitCode === null) npm.kill('SIGKILL');
    }
  }, 120_000);

  it('runs node itself rather than behind a shell, and checks the Node version first', () => {
    const scripts = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts as Record<
      string,
      string
    >;
    expect(scripts.start).toMatch(/^node bin\/check-node-version\.cjs && ([A-Z_]+=\S+ )*exec node /);
    for (const name of ['demo', 'test', 'verbatim', 'dev', 'bench', 'evaluate', 'build', 'typecheck']) {
      expect(scripts[name], name).toMatch(/^node bin\/check-node-version\.cjs && /);
    }
  });
});

describe('the bundled Node 24', () => {
  it("is installed by an approved install script, so npm's script check neither warns nor skips it", () => {
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
      allowScripts?: Record<string, boolean>;
    };
    // The registry's `node` package fetches the binary in its preinstall script; esbuild (tsx's
    // compiler) does the same in postinstall.
    expect(manifest.devDependencies.node).toMatch(/^\^24\./);
    expect(manifest.allowScripts).toMatchObject({ node: true, esbuild: true });
  });
});

describe('bin/check-node-version.cjs', () => {
  const check = (version: string) =>
    spawnSync(
      process.execPath,
      [
        '-e',
        `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} }); require('./bin/check-node-version.cjs')`,
      ],
      { cwd: root, encoding: 'utf8' },
    );

  it('stops an old Node with a sentence that says what to do', () => {
    const result = check('20.20.2');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('verbatim needs Node.js 22.12 or newer');
    expect(result.stderr).toContain('this npm script is running v20.20.2');
    expect(result.stderr).toContain('run `npm install` again');
  });

  it('lets a current Node through silently', () => {
    for (const version of ['22.12.0', '24.21.0', '26.0.0']) {
      const result = check(version);
      expect(result.status, version).toBe(0);
      expect(result.stderr).toBe('');
    }
  });
});
