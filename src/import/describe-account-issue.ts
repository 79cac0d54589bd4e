import type { z } from 'zod';
import { TierSchema } from '../core/directory.ts';

const FIELD_NAMES: Record<string, string> = {
  id: 'id',
  name: 'name',
  domains: 'domain',
  channels: 'channel',
  tier: 'tier',
  arr: 'ARR',
  renewalDate: 'renewal date',
  owner: 'owner',
  segment: 'segment',
};

/**
 * One validation problem of a CSV account row as a sentence a CRM admin can act on
 * ("the account has no name"), instead of the validator's own wording.
 */
export function describeAccountIssue(issue: z.core.$ZodIssue, candidate: Record<string, unknown>): string {
  const [field, index] = issue.path;
  const key = String(field ?? '');
  const label = FIELD_NAMES[key] ?? key;
  const raw = candidate[key];
  const value = typeof index === 'number' && Array.isArray(raw) ? raw[index] : raw;
  if (value === undefined || value === '') return `the account has no ${label}`;
  const shown = JSON.stringify(value);
  switch (key) {
    case 'id':
      return `the id ${shown} may only hold lower-case letters, digits and dashes, starting with a letter or digit`;
    case 'tier':
      return `the tier ${shown} is not one of ${TierSchema.options.join(', ')}`;
    case 'renewalDate':
      return `the renewal date ${shown} is not a date written as YYYY-MM-DD (e.g. 2027-01-31)`;
    case 'domains':
      return `the domain ${shown} is too short to be an email domain`;
    case 'arr':
      return `the ARR ${shown} is not an amount of zero or more`;
    default:
      return `the ${label} ${shown} is not valid (${issue.message})`;
  }
}
