import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { buildTeamsAppPackage, fillTeamsManifest } from '../../src/teams/package-teams-app.ts';
import { readZipEntries } from './read-zip-entries.ts';

const MANIFEST_DIR = new URL('../../manifests/teams/', import.meta.url).pathname;
const TEMPLATE = readFileSync(`${MANIFEST_DIR}manifest.json`, 'utf8');
const ENV = {
  TEAMS_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
  VERBATIM_PUBLIC_HOST: 'verbatim.example.com',
};

/** The official app manifest schema (OfficeDev/microsoft-teams-app-schema, vendored; draft-04). */
function manifestValidator() {
  const {
    $schema: _draft04,
    id: _id,
    ...schema
  } = JSON.parse(
    readFileSync(new URL('./schemas/teams-manifest-1.29.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
  ajv.addFormat('uri-reference', /^\S*$/);
  ajv.addFormat('regex', true);
  const validate = ajv.compile(schema);
  return (manifest: unknown) =>
    validate(manifest)
      ? []
      : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
}

describe('Teams app manifest and package', () => {
  it('is valid against the official manifest schema once filled, with tier1 channel features and the RSC permissions', () => {
    const manifest = fillTeamsManifest(TEMPLATE, ENV);
    const validate = manifestValidator();
    expect(validate(manifest)).toEqual([]);
    // The validator does bite: a wrong tier or a bot id that is no GUID is refused.
    expect(validate({ ...manifest, supportsChannelFeatures: 'tier9' })).not.toEqual([]);
    expect(validate({ ...manifest, bots: [{ botId: 'not-a-guid', scopes: ['team'] }] })).not.toEqual([]);
    expect(manifest.manifestVersion).toBe('1.29');
    expect(manifest.supportsChannelFeatures).toBe('tier1');
    expect(manifest.id).toBe(ENV.TEAMS_CLIENT_ID);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    const rsc = (manifest.authorization as { permissions: { resourceSpecific: Array<{ name: string }> } })
      .permissions.resourceSpecific;
    expect(rsc.map((permission) => permission.name)).toEqual(
      expect.arrayContaining(['ChannelMessage.Read.Group', 'ChannelMember.Read.Group']),
    );
  });

  it('names every missing value instead of writing a broken package', () => {
    expect(() => fillTeamsManifest(TEMPLATE, {})).toThrow(/TEAMS_CLIENT_ID[\s\S]*VERBATIM_PUBLIC_HOST/);
    expect(() => fillTeamsManifest(TEMPLATE, { ...ENV, VERBATIM_PUBLIC_HOST: 'https://x.example/' })).toThrow(
      /host name only/,
    );
  });

  it('zips manifest.json and both icons at the root, the manifest filled from the environment', async () => {
    const entries = readZipEntries(
      await buildTeamsAppPackage(MANIFEST_DIR, {
        ...ENV,
        TEAMS_APP_ID: '99999999-2222-3333-4444-555555555555',
      }),
    );
    expect([...entries.keys()].sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Record<string, unknown>;
    expect(manifest.id).toBe('99999999-2222-3333-4444-555555555555');
    expect(manifestValidator()(manifest)).toEqual([]);
    // Icons: 192×192 colour, 32×32 outline (PNG width/height at bytes 16–23).
    expect(entries.get('color.png')!.readUInt32BE(16)).toBe(192);
    expect(entries.get('outline.png')!.readUInt32BE(16)).toBe(32);
  });
});
