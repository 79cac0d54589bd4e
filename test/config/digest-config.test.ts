import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/config/config-problem.ts';
import { parseConfigFile } from '../../src/config/load-config.ts';
import { TEST_CONFIG_YAML } from '../support/test-config.ts';

describe('digest config', () => {
  it('defaults to an eight-week baseline and no team slices', () => {
    const result = parseConfigFile(TEST_CONFIG_YAML, 'c.yaml');
    if (!result.ok) throw new Error('test config invalid');
    expect(result.value.digest).toMatchObject({ schedule: '0 9 * * 1', baselineWeeks: 8, teams: [] });
  });

  it('prepares the digest an hour before its schedule by default; 0 turns preparing off', () => {
    const result = parseConfigFile(TEST_CONFIG_YAML, 'c.yaml');
    if (!result.ok) throw new Error('test config invalid');
    expect(result.value.digest.prepareMinutesBefore).toBe(60);
    const off = parseConfigFile(`${TEST_CONFIG_YAML}\ndigest:\n  prepareMinutesBefore: 0\n`, 'c.yaml');
    expect(off.ok && off.value.digest.prepareMinutesBefore).toBe(0);
    const negative = parseConfigFile(`${TEST_CONFIG_YAML}\ndigest:\n  prepareMinutesBefore: -5\n`, 'c.yaml');
    expect(negative.ok).toBe(false);
  });

  it('names an unknown team in digest.teams with the known ones', () => {
    const result = parseConfigFile(`${TEST_CONFIG_YAML}\ndigest:\n  teams: [support, helpdesk]\n`, 'c.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem).join('\n')).toMatch(
      /digest\.teams\[1\]: unknown team "helpdesk"; known teams: support, billing, engineering/,
    );
  });
});
