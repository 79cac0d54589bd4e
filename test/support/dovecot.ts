import { type ChildProcess, spawn } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  chownSync,
  constants,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { connect as connectTcp, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { delimiter, join } from 'node:path';
import { ImapFlow } from 'imapflow';

/**
 * A throwaway Dovecot IMAP server on loopback for tests: its own config, passwd file, maildir and
 * log file in a temp dir; plaintext login allowed (loopback only). Runs in the foreground (`-F`) as
 * a child of the test process so `stop()` and `start()` can drop and restore the connection.
 */
export interface DovecotServer {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  /** `imap://user:password@127.0.0.1:port` (the IMAP_URL form). */
  url: string;
  dir: string;
  running(): boolean;
  /** Stops the server (SIGTERM to the process we started) and waits for it to exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same mail. */
  start(): Promise<void>;
  /** APPENDs a message to a mailbox (default INBOX); returns its UID. */
  deliver(raw: string | Uint8Array, options?: { mailbox?: string; flags?: string[] }): Promise<number>;
  /** Opens a client logged in as the test user (the caller logs out). */
  client(): Promise<ImapFlow>;
  /** The flags of every message in a mailbox, by UID. */
  flags(mailbox?: string): Promise<Map<number, Set<string>>>;
  log(): string;
  /** Stops the server and removes its directory. */
  close(): Promise<void>;
}

/** Process groups of the servers still running, ended if the test process exits without closing them. */
const runningGroups = new Set<number>();
process.once('exit', () => {
  for (const group of runningGroups) signalGroup(group, 'SIGKILL');
});

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-group, signal);
  } catch {
    // already gone
  }
}

function groupAlive(group: number): boolean {
  try {
    process.kill(-group, 0);
    return true;
  } catch {
    return false;
  }
}

/** The `dovecot` binary, or null when Dovecot is not installed (`apt-get install dovecot-imapd`). */
export const DOVECOT_BINARY: string | null = findDovecot();

/**
 * Whether the IMAP tests run: when Dovecot is installed, or always when VERBATIM_REQUIRE_DOVECOT=1
 * (CI sets it, so a missing Dovecot fails there instead of skipping quietly).
 */
export const RUN_DOVECOT_TESTS = DOVECOT_BINARY !== null || process.env.VERBATIM_REQUIRE_DOVECOT === '1';

/** DOVECOT_BIN, when set, is the only candidate; else PATH and the usual sbin directories. */
function findDovecot(): string | null {
  const candidates = process.env.DOVECOT_BIN
    ? [process.env.DOVECOT_BIN]
    : [
        ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'dovecot')),
        '/usr/sbin/dovecot',
        '/usr/local/sbin/dovecot',
      ];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export async function startDovecot(
  options: { user?: string; password?: string } = {},
): Promise<DovecotServer> {
  if (!DOVECOT_BINARY) throw new Error('dovecot is not installed (apt-get install -y dovecot-imapd)');
  const binary = DOVECOT_BINARY;
  const user = options.user ?? 'support';
  const password = options.password ?? 'imap-test-secret';
  const dir = mkdtempSync(join(tmpdir(), 'verbatim-dovecot-'));
  // Dovecot's own processes (and, as root, the mail user) must traverse the directory.
  chmodSync(dir, 0o755);
  const port = await freePort();
  const identity = mailIdentity();
  const home = join(dir, 'mail', user);
  mkdirSync(join(dir, 'run'));
  mkdirSync(join(dir, 'state'));
  mkdirSync(home, { recursive: true });
  if (process.getuid?.() === 0) {
    chownSync(join(dir, 'mail'), identity.uid, identity.gid);
    chownSync(home, identity.uid, identity.gid);
  }
  const passwd = join(dir, 'passwd');
  writeFileSync(passwd, `${user}:{PLAIN}${password}:${identity.uid}:${identity.gid}::${home}\n`, {
    mode: 0o644,
  });
  const logPath = join(dir, 'dovecot.log');
  const configPath = join(dir, 'dovecot.conf');
  writeFileSync(
    configPath,
    `# Throwaway test instance: loopback only, plaintext login, no syslog.
instance_name = ${dir.split('/').pop()}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${logPath}
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${identity.internalUser}
default_internal_group = ${identity.internalGroup}
default_login_user = ${identity.loginUser}
mail_location = maildir:~/Maildir
first_valid_uid = ${identity.uid}
first_valid_gid = ${identity.gid}
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${passwd}
}
userdb {
  driver = passwd-file
  args = username_format=%u ${passwd}
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
`,
  );

  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();

  async function start(): Promise<void> {
    if (child) return;
    // Its own process group, so that stop() ends the master *and* the per-connection imap
    // processes (which outlive a master stopped alone) and the client really sees the drop.
    const started = spawn(binary, ['-F', '-c', configPath], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    const group = started.pid;
    if (group !== undefined) runningGroups.add(group);
    let stderr = '';
    started.stderr?.on('data', (chunk) => {
      stderr += String(chunk);
    });
    let hasExited = false;
    exited = new Promise<void>((resolve) =>
      started.once('exit', () => {
        hasExited = true;
        if (child === started) child = null;
        resolve();
      }),
    );
    child = started;
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      if (hasExited) throw new Error(`dovecot exited at start: ${stderr}\n${readLog()}`);
      if (await greets(port)) return;
      await sleep(50);
    }
    throw new Error(`dovecot did not answer on 127.0.0.1:${port}: ${stderr}\n${readLog()}`);
  }

  async function stop(): Promise<void> {
    const running = child;
    if (!running?.pid) return;
    const group = running.pid;
    signalGroup(group, 'SIGTERM');
    await exited;
    const deadline = Date.now() + 5_000;
    while (groupAlive(group) && Date.now() < deadline) await sleep(20);
    if (groupAlive(group)) signalGroup(group, 'SIGKILL');
    runningGroups.delete(group);
  }

  function readLog(): string {
    try {
      return readFileSync(logPath, 'utf8');
    } catch {
      return '';
    }
  }

  const url = `imap://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const client = async () => {
    const imap = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    imap.on('error', () => {});
    await imap.connect();
    return imap;
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    url,
    dir,
    running: () => child !== null,
    start,
    stop,
    client,
    async deliver(raw, deliverOptions = {}) {
      const imap = await client();
      try {
        const mailbox = deliverOptions.mailbox ?? 'INBOX';
        if (mailbox !== 'INBOX') await imap.mailboxCreate(mailbox).catch(() => {});
        const content = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : Buffer.from(raw);
        const appended = await imap.append(mailbox, content, deliverOptions.flags ?? []);
        if (!appended || appended.uid === undefined) throw new Error('APPEND returned no UID');
        return appended.uid;
      } finally {
        await imap.logout().catch(() => {});
      }
    },
    async flags(mailbox = 'INBOX') {
      const imap = await client();
      try {
        const lock = await imap.getMailboxLock(mailbox);
        try {
          const result = new Map<number, Set<string>>();
          const status = imap.mailbox;
          if (status && status.exists === 0) return result;
          for await (const message of imap.fetch('1:*', { uid: true, flags: true })) {
            result.set(message.uid, message.flags ?? new Set());
          }
          return result;
        } finally {
          lock.release();
        }
      } finally {
        await imap.logout().catch(() => {});
      }
    },
    log: readLog,
    async close() {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Who Dovecot's processes and the mail user run as. Dovecot refuses mail access as root, so as root
 * the Debian package's `dovecot`/`dovenull` users are used; as anyone else, that user for all.
 */
function mailIdentity(): {
  uid: number;
  gid: number;
  internalUser: string;
  internalGroup: string;
  loginUser: string;
} {
  const me = userInfo();
  if (me.uid !== 0) {
    const group = readGroupName(me.gid) ?? me.username;
    return {
      uid: me.uid,
      gid: me.gid,
      internalUser: me.username,
      internalGroup: group,
      loginUser: me.username,
    };
  }
  const dovecot = readPasswdEntry('dovecot');
  if (!dovecot)
    throw new Error('running as root but there is no "dovecot" system user (install dovecot-core)');
  const group = readGroupName(dovecot.gid) ?? 'dovecot';
  const loginUser = readPasswdEntry('dovenull') ? 'dovenull' : 'dovecot';
  return { uid: dovecot.uid, gid: dovecot.gid, internalUser: 'dovecot', internalGroup: group, loginUser };
}

function readPasswdEntry(name: string): { uid: number; gid: number } | null {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) return null;
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

function readGroupName(gid: number): string | null {
  const line = readFileSync('/etc/group', 'utf8')
    .split('\n')
    .find((entry) => entry.split(':')[2] === String(gid));
  return line?.split(':')[0] ?? null;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** True when something on the port sends an IMAP greeting. */
function greets(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('data', (chunk) => done(String(chunk).startsWith('* OK')));
    socket.once('error', () => done(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
