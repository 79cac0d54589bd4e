import { describe, expect, it } from 'vitest';
import { findComposedDataLoss } from '../../../src/analyzers/heuristic/data-loss-composition.ts';

/** Sentences written for this test, in no fixture. */
describe('findComposedDataLoss', () => {
  it.each([
    'The nightly job wiped all custom fields on our 4,000 contacts.',
    'Half of the conversation history has vanished from every inbox.',
    'Puolet asiakkaidemme tiedoista on kadonnut eilisen päivityksen jälkeen.',
  ])('finds data loss in %j', (text) => {
    expect(findComposedDataLoss(text)).not.toBeNull();
  });

  it.each([
    'I deleted a contact by mistake, can I restore it?',
    'If we delete all archived tickets, is the history gone for good?',
    'No data was lost, but the sync was slow for all contacts.',
    'Opened ticket #48213 about the missing audit log entries.',
  ])('finds no data loss in %j', (text) => {
    expect(findComposedDataLoss(text)).toBeNull();
  });
});

describe('findComposedDataLoss: stored files that no longer resolve (round 4)', () => {
  it.each([
    'Every invoice PDF we uploaded last year now returns a 404.',
    'All the photos on our 2025 projects say "not found" when opened.',
  ])('finds data loss in %j', (text) => {
    expect(findComposedDataLoss(text)).not.toBeNull();
  });

  it.each([
    'The help article link in the footer gives a 404.',
    'Which status do you return for all deleted files, 404 or 410?',
    'None of our 300 attachments give a 404 any more, thanks.',
  ])('finds no data loss in %j', (text) => {
    expect(findComposedDataLoss(text)).toBeNull();
  });
});
