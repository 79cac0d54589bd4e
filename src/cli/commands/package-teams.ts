import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTeamsAppPackage } from '../../teams/package-teams-app.ts';
import type { CliCommand } from '../cli-command.ts';
import { parseCommandArgs } from '../parse-command-args.ts';

const MANIFEST_DIR = fileURLToPath(new URL('../../../manifests/teams/', import.meta.url));

/**
 * `verbatim package-teams`: writes the Teams app package (manifest.json filled from the
 * environment + icons) as a zip to upload in Teams (Apps → Manage your apps → Upload an app).
 */
export const packageTeamsCommand: CliCommand = {
  name: 'package-teams',
  summary:
    'write the Teams app package zip, ids filled from the environment (TEAMS_CLIENT_ID, VERBATIM_PUBLIC_HOST)',
  usage: 'verbatim package-teams [--out dist/verbatim-teams.zip]',
  async run(args, io) {
    const { values } = parseCommandArgs(args, { out: { type: 'string' } });
    const out = resolve(io.cwd, values.out ?? 'dist/verbatim-teams.zip');
    let zip: Buffer;
    try {
      zip = await buildTeamsAppPackage(MANIFEST_DIR, io.env);
    } catch (error) {
      io.stderr.write(`✗ ${(error as Error).message}\n`);
      return 1;
    }
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    io.stdout.write(
      `✓ wrote ${out} (${zip.length} bytes): upload it in Teams → Apps → Manage your apps → Upload an app\n`,
    );
    return 0;
  },
};
