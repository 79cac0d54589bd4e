/** Where the shared mailbox lives and how to log in, read from `IMAP_URL`. */
export interface ImapEndpoint {
  host: string;
  port: number;
  /** TLS from the first byte (`imaps://`); plain `imap://` upgrades with STARTTLS when offered. */
  secure: boolean;
  user: string;
  password: string;
  /** `imap://user@host:port` without the password, for logs and keys. */
  describe: string;
}

/**
 * `imap://user:password@host:port` or `imaps://…` (ports default to 143 and 993). The user and
 * password are percent-decoded, so `@` and `:` in them are written `%40` and `%3A`.
 */
export function readImapUrl(
  url: string,
): { ok: true; endpoint: ImapEndpoint } | { ok: false; reason: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, reason: 'IMAP_URL is not a URL; expected imap[s]://user:password@host:port' };
  }
  if (parsed.protocol !== 'imap:' && parsed.protocol !== 'imaps:') {
    return { ok: false, reason: `IMAP_URL must start with imap:// or imaps://, not ${parsed.protocol}//` };
  }
  const secure = parsed.protocol === 'imaps:';
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') return { ok: false, reason: 'IMAP_URL has no host' };
  let user: string;
  let password: string;
  try {
    user = decodeURIComponent(parsed.username);
    password = decodeURIComponent(parsed.password);
  } catch {
    return { ok: false, reason: 'IMAP_URL has a badly percent-encoded user or password' };
  }
  if (user === '' || password === '') {
    return { ok: false, reason: 'IMAP_URL needs a user and a password: imap[s]://user:password@host:port' };
  }
  const port = parsed.port === '' ? (secure ? 993 : 143) : Number(parsed.port);
  return {
    ok: true,
    endpoint: {
      host,
      port,
      secure,
      user,
      password,
      describe: `${parsed.protocol}//${encodeURIComponent(user)}@${parsed.hostname}:${port}`,
    },
  };
}
