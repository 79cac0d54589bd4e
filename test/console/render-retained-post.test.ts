import { describe, expect, it } from 'vitest';
import { renderRoutedPostLine, renderRoutedPostText } from '../../src/console/render-routed-post-text.ts';
import { sampleMessage, sampleView } from '../slack/views/sample-routed-post-view.ts';

/** What retention leaves of a request: blanked message and analysis words, with the marks. */
const removedAt = new Date('2027-09-01T03:17:00Z');
const retained = sampleView({
  messages: [
    sampleMessage({
      text: '',
      author: { id: 'U0CUST001', name: '', external: true },
      bodyRemovedAt: removedAt,
    }),
  ],
  analysis: { ...sampleView().analysis, summary: '', priorityReason: '', churnSignals: [] },
  wordsRemovedAt: removedAt,
});

describe('console rendering of a post after retention', () => {
  it('says the words were removed by the retention policy, with the date, instead of an empty quote', () => {
    const text = renderRoutedPostText(retained, 'console');
    expect(text).toContain('Customer (name removed)');
    expect(text).toContain('The customer’s words were removed by the retention policy on 2027-09-01.');
    expect(text).toContain('Summary: (Removed by the retention policy on 2027-09-01.)');
    expect(text).not.toMatch(/│ > $/m);
    expect(renderRoutedPostLine(retained, 'console')).toContain(
      'Customer (name removed): (Removed by the retention policy on 2027-09-01.)',
    );
  });
});
