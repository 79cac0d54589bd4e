import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { z } from 'zod';
import { matchTopics } from '../../../src/analyzers/heuristic/match-topics.ts';
import { tokenizeWords } from '../../../src/analyzers/heuristic/tokenize-words.ts';
import { type Topic, TopicSchema } from '../../../src/core/directory.ts';

const taxonomy = z
  .array(TopicSchema)
  .parse(parse(readFileSync(new URL('../../fixtures/triage-taxonomy.yaml', import.meta.url), 'utf8')));

const topicsOf = (text: string, compounds = false) =>
  matchTopics(text, tokenizeWords(text), taxonomy, { compounds }).map((match) => match.topicId);

const tiny: Topic[] = [
  { id: 'billing', label: 'Billing', keywords: ['invoice', 'lasku'] },
  { id: 'bug', label: 'Bug', keywords: ['error', 'ei toimi'] },
  { id: 'outage', label: 'Outage', keywords: ['down'] },
];

describe('matchTopics', () => {
  it.each([
    ['We were charged twice on the last invoice', 'billing'],
    ['Laskussamme on virheellinen summa', 'billing'],
    ['Meitä on veloitettu kahdesti', 'billing'],
    ['The Salesforce sync fails every night', 'integrations'],
    ['Rajapinta palauttaa virheen', 'integrations'],
    ['Search is painfully slow since Monday', 'performance'],
    ['Haku on todella hidas', 'performance'],
    ['Raportit latautuvat hitaasti', 'performance'],
    ['Please add an option to schedule reports', 'feature-request'],
    ['Olisi kiva saada tumma teema', 'feature-request'],
    ['Suspicious login attempts on our account', 'security'],
    ['Epäilyttävä kirjautuminen tilillemme', 'security'],
    ['We want to cancel our contract', 'account-management'],
    ['Haluamme irtisanoa sopimuksen', 'account-management'],
    ['Great job on the new view, well done!', 'praise'],
  ])('puts %j first under %s', (text, topic) => {
    expect(topicsOf(text)[0]).toBe(topic);
  });

  it('matches Finnish inflections of a stem keyword', () => {
    for (const text of ['lasku', 'laskun', 'laskussa', 'laskutuksessamme']) {
      expect(matchTopics(text, tokenizeWords(text), tiny)[0]?.topicId).toBe('billing');
    }
  });

  it('matches a short keyword only with an inflection ending, not inside another word', () => {
    expect(matchTopics('the site is down', tokenizeWords('the site is down'), tiny)[0]?.topicId).toBe(
      'outage',
    );
    expect(matchTopics('download the file', tokenizeWords('download the file'), tiny)).toEqual([]);
  });

  it('finds a keyword at the end of a Finnish compound only when asked to', () => {
    const text = 'Kuukausilasku on väärä';
    expect(matchTopics(text, tokenizeWords(text), tiny)).toEqual([]);
    expect(matchTopics(text, tokenizeWords(text), tiny, { compounds: true })[0]).toMatchObject({
      topicId: 'billing',
      phrases: ['Kuukausilasku'],
    });
  });

  it('matches multi-word keywords in a row and reports the customer’s words', () => {
    const text = 'Raportointi EI TOIMI taas';
    expect(matchTopics(text, tokenizeWords(text), tiny)[0]).toMatchObject({
      topicId: 'bug',
      phrases: ['EI TOIMI'],
    });
  });

  it('returns no topic when no keyword hits', () => {
    expect(topicsOf('Hello there, hope you are well')).toEqual([]);
  });

  it('orders topics by evidence and keeps at most three', () => {
    const text = 'The invoice shows the wrong VAT, we need a refund, and the invoice PDF has an error';
    const topics = topicsOf(text);
    expect(topics[0]).toBe('billing');
    expect(topics.length).toBeLessThanOrEqual(3);
  });
});
