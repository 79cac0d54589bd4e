import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yazl from 'yazl';

/** Environment values the app package is filled from; TEAMS_CLIENT_ID is the Entra app (bot) id. */
export interface TeamsPackageValues {
  TEAMS_CLIENT_ID: string;
  /** The Teams app's own id (a GUID); defaults to the client id. */
  TEAMS_APP_ID?: string;
  /** Host name Teams reaches Verbatim at (validDomains), e.g. verbatim.example.com. */
  VERBATIM_PUBLIC_HOST: string;
  TEAMS_DEVELOPER_NAME?: string;
  TEAMS_WEBSITE_URL?: string;
  TEAMS_PRIVACY_URL?: string;
  TEAMS_TERMS_URL?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `manifests/teams/manifest.json` with `{{NAME}}` placeholders filled; throws naming every missing or malformed value. */
export function fillTeamsManifest(
  template: string,
  env: Partial<Record<string, string>>,
): Record<string, unknown> {
  const problems: string[] = [];
  const clientId = env.TEAMS_CLIENT_ID?.trim();
  if (!clientId || !GUID.test(clientId))
    problems.push("TEAMS_CLIENT_ID: the bot's Entra app (client) id, a GUID");
  const appId = env.TEAMS_APP_ID?.trim() || clientId;
  if (appId && !GUID.test(appId)) problems.push('TEAMS_APP_ID: a GUID (or unset to reuse the client id)');
  const host = env.VERBATIM_PUBLIC_HOST?.trim();
  if (!host || /[/:]/.test(host))
    problems.push('VERBATIM_PUBLIC_HOST: the host name only, e.g. verbatim.example.com');
  if (problems.length > 0) throw new Error(`cannot build the Teams app package:\n  ${problems.join('\n  ')}`);
  const website = env.TEAMS_WEBSITE_URL?.trim() || `https://${host}`;
  const values: Record<string, string> = {
    TEAMS_CLIENT_ID: clientId!,
    TEAMS_APP_ID: appId!,
    VERBATIM_PUBLIC_HOST: host!,
    TEAMS_DEVELOPER_NAME: env.TEAMS_DEVELOPER_NAME?.trim() || 'Verbatim',
    TEAMS_WEBSITE_URL: website,
    TEAMS_PRIVACY_URL: env.TEAMS_PRIVACY_URL?.trim() || `${website}/privacy`,
    TEAMS_TERMS_URL: env.TEAMS_TERMS_URL?.trim() || `${website}/terms`,
  };
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`manifest placeholder ${whole} has no value`);
    return JSON.stringify(value).slice(1, -1);
  });
  return JSON.parse(filled) as Record<string, unknown>;
}

/** The app package: manifest.json plus the two icons, zipped as Teams expects (files at the root). */
export async function buildTeamsAppPackage(
  manifestDir: string,
  env: Partial<Record<string, string>>,
): Promise<Buffer> {
  const manifest = fillTeamsManifest(readFileSync(join(manifestDir, 'manifest.json'), 'utf8'), env);
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'manifest.json');
  zip.addBuffer(readFileSync(join(manifestDir, 'color.png')), 'color.png');
  zip.addBuffer(readFileSync(join(manifestDir, 'outline.png')), 'outline.png');
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
