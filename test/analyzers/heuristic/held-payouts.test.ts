import { describe, expect, it } from 'vitest';
import { findHeldPayouts } from '../../../src/analyzers/heuristic/held-payouts.ts';

describe('findHeldPayouts', () => {
  it.each([
    'Stripe has paused our payouts since 28 Oct.',
    'Our settlements are on hold until you submit the verification.',
    'Tilitykset on jäädytetty maanantaista asti.',
  ])('finds held payouts in %j', (text) => {
    expect(findHeldPayouts(text)).not.toBeNull();
  });

  it.each(['When are payouts paused for review?', 'Payouts go out every Friday.'])(
    'reads %j as no held payout',
    (text) => {
      expect(findHeldPayouts(text)).toBeNull();
    },
  );
});
