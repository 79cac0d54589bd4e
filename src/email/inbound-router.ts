import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { Logger } from 'pino';
import type { Inbox } from '../core/inbox.ts';
import { mailgunRawMime, sendgridRawMime } from './provider-payloads.ts';
import { FormTooLargeError, readFormFields } from './read-form-fields.ts';
import { readSignatureFields } from './read-signature-fields.ts';
import type { ReplayGuard } from './replay-guard.ts';
import { type MailRoute, storedMailEntry } from './stored-mail.ts';
import {
  INBOUND_TOLERANCE_SECONDS,
  inboundReplayKey,
  MAILGUN_TOLERANCE_SECONDS,
  type Verification,
  verifyBasicAuth,
  verifyInboundSignature,
  verifyMailgunSignature,
} from './verify-signature.ts';

export interface EmailRouterDeps {
  /** Where each mail is stored, raw, before the sender gets its answer; processed from there. */
  inbox: Pick<Inbox, 'append'>;
  /** Nonces of signed requests, remembered for the signature window: a replay is refused. */
  replayGuard: ReplayGuard;
  secrets: {
    /** EMAIL_WEBHOOK_SECRET: HMAC secret of POST /email/inbound. */
    inbound?: string | undefined;
    /** MAILGUN_WEBHOOK_SIGNING_KEY. */
    mailgunKey?: string | undefined;
    /** EMAIL_BASIC_AUTH, `user:password`, for SendGrid and Postmark. */
    basicAuth?: string | undefined;
  };
  /** Largest mail accepted, in bytes (EMAIL_MAX_BYTES). */
  maxBytes: number;
  logger: Logger;
  now?: () => Date;
}

/**
 * How each route answers. Providers retry anything but success, so a mail we refuse for size is
 * answered with the code that makes *that* provider stop: Mailgun stops on 406, Postmark on 403
 * and only counts 200 as success; SendGrid retries only 5xx. A stored mail is a success, even one
 * that will turn out unreadable (it is kept as a dead letter, so a retry would add nothing).
 */
interface StatusPolicy {
  accepted: number;
  tooLarge: number;
}
const RELAY: StatusPolicy = { accepted: 202, tooLarge: 413 };
const MAILGUN: StatusPolicy = { accepted: 200, tooLarge: 406 };
const SENDGRID: StatusPolicy = { accepted: 200, tooLarge: 413 };
const POSTMARK: StatusPolicy = { accepted: 200, tooLarge: 403 };

/** Form and JSON bodies carry the mail with some encoding overhead (base64 attachments in JSON). */
const TRANSPORT_OVERHEAD = 1.4;

/**
 * `POST /email/inbound` (raw `message/rfc822`, HMAC-signed by our relay), `POST /email/mailgun`
 * (and `/email/mailgun/mime`: Mailgun posts raw MIME only to a URL ending in `mime`),
 * `POST /email/sendgrid` and `POST /email/postmark`. A route whose secret is not configured
 * answers 404. Each request is authenticated first (signature or Basic auth, then the nonce);
 * only then is the mail looked at, and it is written raw to the durable inbox (one row per mail,
 * keyed by mail-platform-id.ts) before the sender gets its 2xx. Parsing and ingest run later from
 * the inbox (process-email-entry.ts); a mail that cannot be read becomes a dead letter there. If
 * the inbox cannot be written the answer is 500 and the sender retries.
 */
export function createEmailRouter(deps: EmailRouterDeps): Router {
  const router = express.Router();
  const now = deps.now ?? (() => new Date());
  const rawBody = (limit: number) => express.raw({ type: () => true, limit });
  const formLimit = Math.ceil(deps.maxBytes * TRANSPORT_OVERHEAD) + 64 * 1024;

  /** Stores the mail's bytes in the inbox; answers once the row is committed (or already there). */
  async function store(
    res: Response,
    route: MailRoute,
    policy: StatusPolicy,
    raw: Buffer,
    contentType: string,
  ): Promise<void> {
    const entry = storedMailEntry({ route, contentType, raw, receivedAt: now() });
    const { stored } = await deps.inbox.append(entry);
    // The platform id names the sender: not for info logs.
    deps.logger.info(
      { route: `email:${route}`, messageId: entry.messageId, stored, sizeBytes: raw.length },
      stored ? 'email stored in the inbox' : 'email already in the inbox',
    );
    // The id the message gets once processed (when the mail names one), so a sender can find it.
    const messageId = entry.messageId === null ? {} : { messageId: `email:${entry.messageId}` };
    if (stored) res.status(policy.accepted).json({ status: 'accepted', ...messageId });
    else res.status(200).json({ status: 'duplicate', ...messageId });
  }

  async function acceptMime(
    res: Response,
    route: MailRoute,
    policy: StatusPolicy,
    raw: Buffer,
  ): Promise<void> {
    if (raw.length > deps.maxBytes) {
      tooLarge(res, policy, raw.length);
      return;
    }
    await store(res, route, policy, raw, 'message/rfc822');
  }

  function tooLarge(res: Response, policy: StatusPolicy, size: number | null): void {
    const reason = `message${size === null ? '' : ` of ${size} bytes`} is over the limit of ${deps.maxBytes} bytes (EMAIL_MAX_BYTES)`;
    res.status(policy.tooLarge).json({ status: 'too-large', reason });
  }

  function disabled(res: Response, setting: string): void {
    res.status(404).json({ status: 'disabled', reason: `this route is not configured: set ${setting}` });
  }

  function unauthorized(res: Response, verification: Verification): boolean {
    if (verification.ok) return false;
    res.status(401).json({ status: 'unauthorized', reason: verification.reason });
    return true;
  }

  /**
   * Runs `work` once per signed request: the nonce is remembered first (a replay inside the
   * signature window gets 401), and given back when `work` fails, so the sender's retry is let in.
   */
  async function oncePerNonce(
    res: Response,
    key: string,
    timestamp: string,
    toleranceSeconds: number,
    work: () => Promise<void>,
  ): Promise<void> {
    const expiresAt = new Date((Number(timestamp) + toleranceSeconds) * 1000);
    if (!(await deps.replayGuard.remember(key, expiresAt, now()))) {
      res.status(401).json({
        status: 'unauthorized',
        reason: `replayed: this signed request was already received; its nonce is refused until ${expiresAt.toISOString()}`,
      });
      return;
    }
    try {
      await work();
    } catch (error) {
      await deps.replayGuard.forget(key).catch(() => {});
      throw error;
    }
  }

  /** Records the route's policy for the error handler (a body over the limit is refused there). */
  const policyOf =
    (policy: StatusPolicy) =>
    (_req: Request, res: Response, next: NextFunction): void => {
      res.locals['emailPolicy'] = policy;
      next();
    };

  router.post(
    '/email/inbound',
    policyOf(RELAY),
    (req, res, next) => {
      if (!deps.secrets.inbound) return disabled(res, 'EMAIL_WEBHOOK_SECRET');
      // Refuse unsigned requests before reading their body.
      if (!req.get('x-verbatim-timestamp') || !req.get('x-verbatim-signature')) {
        res.status(401).json({
          status: 'unauthorized',
          reason: 'missing x-verbatim-timestamp or x-verbatim-signature header',
        });
        return;
      }
      next();
    },
    rawBody(deps.maxBytes),
    async (req, res) => {
      const raw = bodyOf(req);
      const verification = verifyInboundSignature({
        secret: deps.secrets.inbound!,
        body: raw,
        timestamp: req.get('x-verbatim-timestamp'),
        signature: req.get('x-verbatim-signature'),
        now: now(),
      });
      if (unauthorized(res, verification)) return;
      const timestamp = req.get('x-verbatim-timestamp')!;
      await oncePerNonce(res, inboundReplayKey(timestamp, raw), timestamp, INBOUND_TOLERANCE_SECONDS, () =>
        acceptMime(res, 'inbound', RELAY, raw),
      );
    },
  );

  router.post(
    ['/email/mailgun', '/email/mailgun/mime'],
    policyOf(MAILGUN),
    (_req, res, next) => (deps.secrets.mailgunKey ? next() : disabled(res, 'MAILGUN_WEBHOOK_SIGNING_KEY')),
    rawBody(formLimit),
    async (req, res) => {
      const raw = bodyOf(req);
      const contentType = req.get('content-type') ?? '';
      // Authenticate first: only the signature fields are read before the signature is checked;
      // the mail is parsed, and anything stored, only for a genuine, first-seen request.
      let signed: Record<string, string>;
      try {
        signed = await readSignatureFields(raw, contentType, ['timestamp', 'token', 'signature']);
      } catch (error) {
        const reason = `no readable Mailgun signature fields: ${error instanceof Error ? error.message : String(error)}`;
        res.status(401).json({ status: 'unauthorized', reason });
        return;
      }
      const verification = verifyMailgunSignature({
        signingKey: deps.secrets.mailgunKey!,
        timestamp: signed['timestamp'],
        token: signed['token'],
        signature: signed['signature'],
        now: now(),
      });
      if (unauthorized(res, verification)) return;
      const key = `mailgun:${signed['token']}`;
      await oncePerNonce(res, key, signed['timestamp']!, MAILGUN_TOLERANCE_SECONDS, async () => {
        const fields = await readForm(res, MAILGUN, raw, contentType, ['body-mime']);
        if (fields === null) return;
        const mime = mailgunRawMime(fields);
        // No message in it: kept as posted (it becomes a dead letter that says so).
        if (mime === null) return store(res, 'mailgun', MAILGUN, raw, contentType);
        await acceptMime(res, 'mailgun', MAILGUN, mime);
      });
    },
  );

  router.post('/email/sendgrid', policyOf(SENDGRID), basicAuth, rawBody(formLimit), async (req, res) => {
    const raw = bodyOf(req);
    const contentType = req.get('content-type') ?? '';
    const fields = await readForm(res, SENDGRID, raw, contentType, ['email']);
    if (fields === null) return;
    const mime = sendgridRawMime(fields);
    if (mime === null) return store(res, 'sendgrid', SENDGRID, raw, contentType);
    await acceptMime(res, 'sendgrid', SENDGRID, mime);
  });

  router.post('/email/postmark', policyOf(POSTMARK), basicAuth, rawBody(formLimit), async (req, res) => {
    const raw = bodyOf(req);
    if (postmarkTextLength(raw) > deps.maxBytes) return tooLarge(res, POSTMARK, null);
    // Postmark sends no raw MIME: its JSON is the mail, stored as sent.
    await store(res, 'postmark', POSTMARK, raw, 'application/json');
  });

  function basicAuth(req: Request, res: Response, next: NextFunction): void {
    if (!deps.secrets.basicAuth) {
      disabled(res, 'EMAIL_BASIC_AUTH');
      return;
    }
    const verification = verifyBasicAuth({
      expected: deps.secrets.basicAuth,
      authorization: req.get('authorization'),
    });
    if (!unauthorized(res, verification)) next();
  }

  /** Form fields, or null when the response has been sent (too large; an unreadable form is stored as posted). */
  async function readForm(
    res: Response,
    policy: StatusPolicy,
    raw: Buffer,
    contentType: string,
    fileFields: string[],
  ): Promise<Record<string, Buffer> | null> {
    try {
      return await readFormFields(raw, contentType, { maxFieldBytes: deps.maxBytes, fileFields });
    } catch (error) {
      if (error instanceof FormTooLargeError) {
        tooLarge(res, policy, null);
        return null;
      }
      // Keep it as posted: an unreadable form is still a mail someone sent us (a dead letter later).
      await store(res, policy === MAILGUN ? 'mailgun' : 'sendgrid', policy, raw, contentType);
      return null;
    }
  }

  router.use('/email', (error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const status = (error as { status?: number }).status;
    if ((error as { type?: string }).type === 'entity.too.large' || status === 413) {
      const policy = (res.locals['emailPolicy'] as StatusPolicy | undefined) ?? RELAY;
      tooLarge(res, policy, null);
      return;
    }
    if (status !== undefined && status >= 400 && status < 500) {
      res.status(status).json({ status: 'bad-request', reason: (error as Error).message });
      return;
    }
    deps.logger.error({ err: error }, 'email webhook failed');
    res.status(500).json({ status: 'error', reason: 'internal error; the sender should retry' });
  });

  return router;
}

function bodyOf(req: Request): Buffer {
  return Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
}

/** The longer of Postmark's text and HTML bodies, in characters; 0 when the body is not readable JSON. */
function postmarkTextLength(raw: Buffer): number {
  try {
    const payload = JSON.parse(raw.toString('utf8')) as { TextBody?: unknown; HtmlBody?: unknown } | null;
    const length = (value: unknown) => (typeof value === 'string' ? value.length : 0);
    return Math.max(length(payload?.TextBody), length(payload?.HtmlBody));
  } catch {
    return 0;
  }
}
