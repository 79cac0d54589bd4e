import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvSchema } from '../../src/config/env-schema.ts';
import { type AppConfig, parseConfigFile, toDirectory } from '../../src/config/load-config.ts';
import { TEST_CONFIG_YAML } from './test-config-yaml.ts';

export { TEST_CONFIG_YAML } from './test-config-yaml.ts';

export function testConfig(overrides: { yaml?: string; env?: Record<string, string> } = {}): AppConfig {
  const file = parseConfigFile(overrides.yaml ?? TEST_CONFIG_YAML, 'test-config.yaml');
  if (!file.ok) throw new Error(`test config invalid: ${JSON.stringify(file.problems)}`);
  const env = EnvSchema.parse({
    VERBATIM_DATA_DIR: mkdtempSync(join(tmpdir(), 'verbatim-test-')),
    LOG_LEVEL: 'silent',
    PORT: '0',
    HOST: '127.0.0.1',
    ...overrides.env,
  });
  return { env, file: file.value, filePath: 'test-config.yaml', directory: toDirectory(file.value) };
}
