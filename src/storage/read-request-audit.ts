import type { Queryable } from './database.ts';

/** A request's whole history as stored: what `verbatim audit` and the post's "Explain" show. */
export interface RequestAudit {
  request: {
    id: string;
    accountId: string | null;
    conversation: string;
    state: string;
    priority: string | null;
    teamId: string | null;
    openedAt: string;
    triagedAt: string | null;
    routedAt: string | null;
    firstResponseAt: string | null;
    resolvedAt: string | null;
  };
  messages: Array<{
    id: string;
    kind: string;
    author: { id: string; name: string };
    sentAt: string;
    chars: number;
    text: string;
    editedAt: string | null;
    deletedAt: string | null;
  }>;
  triageRecords: Array<{
    at: string;
    trigger: string;
    engine: string;
    promptVersion: string | null;
    inputHash: string | null;
    redactions: number | null;
    analyzerPriority: string;
    finalPriority: string;
    floorRules: string[];
    teamId: string | null;
    confidence: number;
    tokens: {
      input: number | null;
      output: number | null;
      cacheRead: number | null;
      cacheWrite: number | null;
    };
    costUsd: number | null;
    calls: number | null;
    latencyMs: number | null;
    providerRequestId: string | null;
    fallbackReason: string | null;
    output: unknown;
  }>;
  routing: Array<{ destination: unknown; postId: string; linkedAt: string }>;
  transitions: Array<{ kind: string; from: string; to: string; actor: unknown; at: string; detail: unknown }>;
  posts: Array<{
    key: string;
    status: string;
    destination: unknown;
    postId: string | null;
    postedAt: string | null;
  }>;
}

const iso = (value: unknown): string | null => (value ? new Date(value as string).toISOString() : null);
const num = (value: unknown): number | null => (value === null || value === undefined ? null : Number(value));

/** Reads everything recorded about one request, oldest first; null when there is no such request. */
export async function readRequestAudit(q: Queryable, requestId: string): Promise<RequestAudit | null> {
  const request = (
    await q.query<Record<string, unknown>>(
      `SELECT id, account_id, conversation, state, priority, team_id, opened_at, triaged_at, routed_at,
         first_response_at, resolved_at FROM requests WHERE id = $1`,
      [requestId],
    )
  ).rows[0];
  if (!request) return null;
  const [messages, records, routing, transitions, posts] = await Promise.all([
    q.query<Record<string, unknown>>(
      `SELECT id, kind, author, sent_at, text, edited_at, deleted_at FROM customer_messages
       WHERE request_id = $1 ORDER BY sent_at, seq`,
      [requestId],
    ),
    q.query<Record<string, unknown>>('SELECT * FROM triage_records WHERE request_id = $1 ORDER BY at, id', [
      requestId,
    ]),
    q.query<Record<string, unknown>>(
      'SELECT destination, post_id, linked_at FROM routed_posts WHERE request_id = $1',
      [requestId],
    ),
    q.query<Record<string, unknown>>(
      `SELECT kind, from_state, to_state, actor, at, detail FROM request_transitions
       WHERE request_id = $1 ORDER BY at, id`,
      [requestId],
    ),
    // Deliveries are keyed `post:<request>:…`, `alert:<request>:…` and `follow-up:<message>`.
    q.query<Record<string, unknown>>(
      `SELECT key, status, destination, post_id, posted_at FROM deliveries
       WHERE key LIKE 'post:' || $1 || ':%' OR key LIKE 'alert:' || $1 || ':%'
          OR key IN (SELECT 'follow-up:' || id FROM customer_messages WHERE request_id = $1)
       ORDER BY attempt_started_at`,
      [requestId],
    ),
  ]);
  return {
    request: {
      id: String(request['id']),
      accountId: (request['account_id'] as string | null) ?? null,
      conversation: String(request['conversation']),
      state: String(request['state']),
      priority: (request['priority'] as string | null) ?? null,
      teamId: (request['team_id'] as string | null) ?? null,
      openedAt: iso(request['opened_at'])!,
      triagedAt: iso(request['triaged_at']),
      routedAt: iso(request['routed_at']),
      firstResponseAt: iso(request['first_response_at']),
      resolvedAt: iso(request['resolved_at']),
    },
    messages: messages.rows.map((row) => {
      const author = row['author'] as { id: string; name: string };
      const text = String(row['text']);
      return {
        id: String(row['id']),
        kind: String(row['kind']),
        author: { id: author.id, name: author.name },
        sentAt: iso(row['sent_at'])!,
        chars: text.length,
        text,
        editedAt: iso(row['edited_at']),
        deletedAt: iso(row['deleted_at']),
      };
    }),
    triageRecords: records.rows.map((row) => ({
      at: iso(row['at'])!,
      trigger: String(row['trigger']),
      engine: String(row['engine']),
      promptVersion: (row['prompt_version'] as string | null) ?? null,
      inputHash: (row['input_hash'] as string | null) ?? null,
      redactions: num(row['redactions']),
      analyzerPriority: String(row['analyzer_priority']),
      finalPriority: String(row['final_priority']),
      floorRules: (row['floor'] as Array<{ rule: string; priority: string }>).map(
        (hit) => `${hit.rule} (${hit.priority})`,
      ),
      teamId: (row['team_id'] as string | null) ?? null,
      confidence: Number(row['confidence']),
      tokens: {
        input: num(row['input_tokens']),
        output: num(row['output_tokens']),
        cacheRead: num(row['cache_read_tokens']),
        cacheWrite: num(row['cache_write_tokens']),
      },
      costUsd: num(row['cost_usd']),
      calls: num(row['calls']),
      latencyMs: num(row['latency_ms']),
      providerRequestId: (row['provider_request_id'] as string | null) ?? null,
      fallbackReason: (row['fallback_reason'] as string | null) ?? null,
      output: row['output'],
    })),
    routing: routing.rows.map((row) => ({
      destination: row['destination'],
      postId: String(row['post_id']),
      linkedAt: iso(row['linked_at'])!,
    })),
    transitions: transitions.rows.map((row) => ({
      kind: String(row['kind']),
      from: String(row['from_state']),
      to: String(row['to_state']),
      actor: row['actor'],
      at: iso(row['at'])!,
      detail: row['detail'],
    })),
    posts: posts.rows.map((row) => ({
      key: String(row['key']),
      status: String(row['status']),
      destination: row['destination'],
      postId: (row['post_id'] as string | null) ?? null,
      postedAt: iso(row['posted_at']),
    })),
  };
}
