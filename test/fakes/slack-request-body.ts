/**
 * Reads a Web API request the way Slack does: form-encoded (what `WebClient` sends), JSON
 * (`Content-Type: application/json`, token in the header only) or multipart (binary uploads).
 *
 *   readSlackRequestBody(req) → { args, bytes, contentType }
 *   readBearerToken(req, args) → token from `Authorization: Bearer …` or the `token` field
 *
 * WebClient JSON-stringifies every non-primitive argument before form-encoding it, so the known
 * structured fields (`blocks`, `attachments`, `view`, …) are parsed back into objects here. Other
 * form values stay strings, as on the wire (`unfurl_links` arrives as `'false'`).
 */
import type { IncomingMessage } from 'node:http';

/** Arguments that WebClient serialises as JSON strings inside a form body. */
const jsonFields = new Set(['blocks', 'attachments', 'metadata', 'view', 'files', 'file_uploads', 'unfurls']);

export interface SlackRequestBody {
  args: Record<string, unknown>;
  /** The raw body, for endpoints that take bytes (the file upload URL). */
  bytes: Buffer;
  contentType: string;
}

export async function readSlackRequestBody(req: IncomingMessage): Promise<SlackRequestBody> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  const contentType = req.headers['content-type'] ?? '';
  const args: Record<string, unknown> = {};
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = bytes.length > 0 ? JSON.parse(bytes.toString('utf8')) : {};
    if (typeof parsed === 'object' && parsed !== null) Object.assign(args, parsed);
  } else if (contentType.startsWith('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(bytes.toString('utf8')))
      args[key] = parseField(key, value);
  } else if (contentType.startsWith('multipart/form-data')) {
    // The WHATWG Request parser handles multipart boundaries for us.
    const form = await new Request('http://fake.invalid/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: bytes,
    }).formData();
    for (const [key, value] of form) args[key] = typeof value === 'string' ? parseField(key, value) : value;
  }
  return { args, bytes, contentType };
}

function parseField(key: string, value: string): unknown {
  if (!jsonFields.has(key)) return value;
  try {
    return JSON.parse(value);
  } catch {
    return value; // Slack itself answers invalid_blocks_format / invalid_arguments for these.
  }
}

export function readBearerToken(req: IncomingMessage, args: Record<string, unknown>): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (match?.[1]) return match[1];
  return typeof args['token'] === 'string' ? args['token'] : undefined;
}

/** A string argument, or undefined when absent or empty (Slack treats both as missing). */
export function readStringArg(args: Record<string, unknown>, key: string): string | undefined {
  const value = args[key];
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}
