import { describe, expect, it } from 'vitest';
import { findLeavingNotice } from '../../../src/analyzers/heuristic/leaving-notice.ts';

/** Sentences written for this test, in no fixture. */
describe('findLeavingNotice', () => {
  it.each([
    "We've decided not to renew our subscription when it ends in June.",
    "We'd like to terminate the contract at the end of this term.",
    'We are going to let our licences expire in May.',
    'Please close our account at the end of the month.',
    'Irtisanomme palvelun tammikuun loppuun mennessä.',
    'Emme aio jatkaa tilausta ensi vuonna.',
    'Haluamme luopua palvelusta kesäkuussa.',
  ])('finds a notice in %j', (text) => {
    expect(findLeavingNotice(text)).not.toBeNull();
  });

  it.each([
    'Please cancel the training session on Friday, we will book another slot.',
    'Can we cancel our meeting tomorrow? Something came up.',
    'How do I terminate an agent session remotely?',
    'We will definitely renew our contract next year.',
    'What is the notice period if we decide not to renew?',
    'If we cancel the add-on, do we keep the reports?',
    'Miten peruutan huomisen palaverin kalenterikutsun?',
  ])('finds no notice in %j', (text) => {
    expect(findLeavingNotice(text)).toBeNull();
  });
});
