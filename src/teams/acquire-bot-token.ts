/** Entra's public login endpoint; TEAMS_LOGIN_URL replaces it (sovereign clouds, tests). */
export const DEFAULT_LOGIN_URL = 'https://login.microsoftonline.com';

/**
 * A Bot Framework token by the client-credentials grant, straight from Entra's token endpoint:
 * `verbatim doctor` checks the credentials with it, and one-off commands (`verbatim forget`)
 * hand it to the Teams SDK. Never throws: a refusal is a reason to show.
 */
export async function acquireBotToken(
  fetchImpl: typeof fetch,
  loginUrl: string,
  tenantId: string,
  clientId: string,
  secret: string,
): Promise<{ ok: true; accessToken: string } | { ok: false; reason: string }> {
  try {
    const response = await fetchImpl(
      `${loginUrl.replace(/\/$/, '')}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: clientId,
          client_secret: secret,
          scope: 'https://api.botframework.com/.default',
        }),
        signal: AbortSignal.timeout(10_000),
      },
    );
    const body = (await response.json().catch(() => ({}))) as {
      access_token?: string;
      error?: string;
      error_description?: string;
    };
    if (!response.ok || !body.access_token) {
      return {
        ok: false,
        reason:
          `${response.status} ${body.error ?? ''} ${(body.error_description ?? '').split('\n')[0]}`.trim(),
      };
    }
    return { ok: true, accessToken: body.access_token };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
