import type { Priority } from '../../src/core/priority.ts';
import type { Queryable } from '../../src/storage/database.ts';

export interface SeedRequest {
  id: string;
  account: string | null;
  teamId: string;
  topics: string[];
  priority: Priority;
  at: Date;
  text: string;
  author?: string;
  sentiment?: number;
  confidence?: number;
  /** First response after this many business minutes, against `target`. */
  responseMinutes?: number;
  target?: number;
}

/** Writes triaged, routed requests with their first customer message straight into the schema. */
export async function seedDigestRequests(db: Queryable, requests: SeedRequest[]): Promise<void> {
  for (const request of requests) {
    const analysis = {
      summary: 's',
      priority: request.priority,
      priorityReason: 'r',
      topics: request.topics,
      sentiment: request.sentiment ?? 0,
      churnSignals: [],
      language: 'en',
      confidence: request.confidence ?? 0.9,
      engine: 'heuristic',
      usage: null,
    };
    const answered = request.responseMinutes !== undefined;
    const responseAt = new Date(request.at.getTime() + (request.responseMinutes ?? 0) * 60_000);
    await db.query(
      `INSERT INTO requests (id, account_id, conversation, state, team_id, priority, topics, analysis,
         opened_at, last_message_at, triaged_at, routed_at, first_response_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9, $9, $10)`,
      [
        request.id,
        request.account,
        `slack:C${request.account ?? 'X'}`,
        answered ? 'answered' : 'open',
        request.teamId,
        request.priority,
        request.topics,
        JSON.stringify(analysis),
        request.at.toISOString(),
        answered ? responseAt.toISOString() : null,
      ],
    );
    await db.query(
      `INSERT INTO customer_messages (id, platform, conversation, account_id, author, external, text, sent_at,
         permalink, kind, request_id)
       VALUES ($1, 'slack', $2, $3, $4, true, $5, $6, $7, 'request', $8)`,
      [
        `m-${request.id}`,
        `slack:C${request.account ?? 'X'}`,
        request.account,
        JSON.stringify({ id: 'U1', name: request.author ?? 'Customer', external: true }),
        request.text,
        request.at.toISOString(),
        `https://example.slack.com/archives/C1/p${request.id}`,
        request.id,
      ],
    );
    if (answered) {
      await db.query(
        `INSERT INTO sla_times (request_id, target_minutes, first_response_at, first_response_business_minutes)
         VALUES ($1, $2, $3, $4)`,
        [request.id, request.target ?? 240, responseAt.toISOString(), request.responseMinutes],
      );
    }
  }
}
