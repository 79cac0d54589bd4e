/**
 * The generator's own vocabulary: a scene is one top-level message in a shared channel plus its
 * thread replies. Texts are Slack wire format already (`&amp;`, `<@U…>`, `<url|label>`).
 */

export interface FileSpec {
  name: string;
  mimetype: string;
  filetype: string;
  prettyType: string;
  /** Bytes. */
  size: number;
  /** Slack Connect stub (`file_access: check_file_info`) instead of a full file object. */
  stub?: boolean;
}

export interface Post {
  /** Person id (U0… staff, U1… customer). */
  by: string;
  text: string;
  files?: FileSpec[];
  reactions?: Array<{ name: string; users: string[] }>;
  /** Force rich_text blocks on (true) or off (false); unset: decided by the seeded PRNG. */
  rich?: boolean;
  /** Minutes after posting when the author edited the message. */
  editedAfter?: number;
}

export interface Reply extends Post {
  /** Minutes after the previous message in the thread, or a local time `YYYY-MM-DD HH:MM` in the channel's zone. */
  after: number | string;
}

export interface Scene extends Post {
  /** Channel key from people.ts, e.g. `nordlake`. */
  channel: string;
  /** Local time `YYYY-MM-DD HH:MM` in the channel's (customer's) time zone. */
  at: string;
  replies?: Reply[];
  subtype?: 'channel_join' | 'channel_leave';
}

export const pdf = (name: string, size: number, stub = false): FileSpec => ({
  name,
  mimetype: 'application/pdf',
  filetype: 'pdf',
  prettyType: 'PDF',
  size,
  stub,
});

export const png = (name: string, size: number, stub = false): FileSpec => ({
  name,
  mimetype: 'image/png',
  filetype: 'png',
  prettyType: 'PNG',
  size,
  stub,
});

export const txt = (name: string, size: number): FileSpec => ({
  name,
  mimetype: 'text/plain',
  filetype: 'text',
  prettyType: 'Plain Text',
  size,
});
