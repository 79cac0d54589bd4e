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

  it('names an unknown team in digest.teams with the known ones', () => {
    const result = parseConfigFile(`${TEST_CONFIG_YAML}\ndigest:\n  teams: [support, helpdesk]\n`, 'c.yaml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(formatProblem).join('\n')).toMatch(
      /digest\.teams\[1\]: unknown team "helpdesk"; known teams: support, billing, engineering/,
    );
  });
});
