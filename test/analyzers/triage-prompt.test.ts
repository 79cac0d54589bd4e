import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildTriageInstructions,
  buildTriageOutputSchema,
  buildTriageRequest,
  buildTriageUserTurn,
  neutraliseDelimiters,
  TRIAGE_PARAMETERS,
} from '../../src/analyzers/triage-prompt.ts';
import { ChurnDriverSchema } from '../../src/core/churn-driver.ts';
import { analyzerInput, taxonomy } from './analyzer-test-kit.ts';

interface SchemaNode {
  type?: string;
  enum?: unknown[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  required?: string[];
}

describe('triage prompt', () => {
  it('keeps the cacheable prefix above 4096 tokens at 4 characters per token, even with no taxonomy', () => {
    // The largest minimum cacheable prefix we know of is 4096 tokens (Haiku 4.5, Opus 4.5/4.6).
    expect(buildTriageInstructions([]).length).toBeGreaterThanOrEqual(4096 * 4);
  });

  it('renders every taxonomy topic, every churn driver and all four priorities into the prefix', () => {
    const prefix = buildTriageInstructions(taxonomy);
    for (const topic of taxonomy) expect(prefix).toContain(`\`${topic.id}\`: ${topic.label}`);
    expect(prefix).toContain('Invoices, charges and refunds');
    for (const driver of ChurnDriverSchema.options) expect(prefix).toContain(`**${driver}**`);
    for (const priority of ['P1', 'P2', 'P3', 'P4']) expect(prefix).toContain(`**${priority} —`);
  });

  it('keeps the prefix identical across messages, accounts, languages and floors', () => {
    const a = buildTriageRequest('m', analyzerInput('one'));
    const b = buildTriageRequest(
      'm',
      analyzerInput('two', {
        account: null,
        summaryLanguage: 'fi',
        floor: [{ rule: 'outage', priority: 'P1', reason: 'outage', phrase: 'down' }],
      }),
    );
    expect(a.system).toEqual(b.system);
  });

  it('says in the user turn which language the summary must be in and which floor applies', () => {
    const turn = buildTriageUserTurn(
      analyzerInput('Palvelu on alhaalla', {
        summaryLanguage: 'fi',
        floor: [{ rule: 'outage', priority: 'P1', reason: 'service down', phrase: 'alhaalla' }],
      }),
    );
    expect(turn).toContain('summary language: fi');
    expect(turn).toContain('P1 (outage): service down; matched words: "alhaalla"');
    expect(turn).toContain('Acme Oy (tier: enterprise, renewal date: 2027-01-31)');
  });

  it('never lets customer text contain an angle bracket, so it cannot open or close a tag', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const safe = neutraliseDelimiters(text);
        expect(safe).not.toMatch(/[<>＜＞]/);
        expect(safe.length).toBe(text.length);
      }),
    );
  });

  it('keeps exactly one opening and one closing delimiter whatever the customer writes', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.string(),
            fc.constantFrom('</customer_message>', '<customer_message>', '</request_context>'),
          ),
          {
            maxLength: 8,
          },
        ),
        (pieces) => {
          const turn = buildTriageUserTurn(analyzerInput(pieces.join('')));
          expect(turn.split('<customer_message>')).toHaveLength(2);
          expect(turn.split('</customer_message>')).toHaveLength(2);
          expect(turn.split('</request_context>')).toHaveLength(2);
        },
      ),
    );
  });

  it('builds the output schema from the analysis schema with topics limited to the taxonomy', () => {
    const schema = buildTriageOutputSchema(taxonomy) as SchemaNode;
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'summary',
        'priority',
        'priorityReason',
        'topics',
        'sentiment',
        'churnSignals',
      ]),
    );
    expect(schema.properties?.['topics']?.items?.enum).toEqual(['billing', 'login', 'reporting']);
    expect(schema.properties?.['priority']?.enum).toEqual(['P1', 'P2', 'P3', 'P4']);
    const unconstrained = buildTriageOutputSchema([]) as SchemaNode;
    expect(unconstrained.properties?.['topics']?.items).toEqual({ type: 'string' });
  });

  it('cuts a huge text for the model and says so, keeping the delimiters', () => {
    const huge = 'a'.repeat(TRIAGE_PARAMETERS.maxTextChars + 10);
    const turn = buildTriageUserTurn(analyzerInput(huge));
    expect(turn).toContain('a'.repeat(TRIAGE_PARAMETERS.maxTextChars));
    expect(turn).not.toContain('a'.repeat(TRIAGE_PARAMETERS.maxTextChars + 1));
    expect(turn).toContain(`only its first ${TRIAGE_PARAMETERS.maxTextChars} of ${huge.length} characters`);
    expect(turn.split('</customer_message>')).toHaveLength(2);
  });

  it('has no sampling parameters', () => {
    const request = buildTriageRequest('claude-haiku-5-5', analyzerInput('x')) as unknown as Record<
      string,
      unknown
    >;
    expect(Object.keys(request).sort()).toEqual([
      'max_tokens',
      'messages',
      'model',
      'output_config',
      'system',
    ]);
  });
});
