import { describe, expect, it } from 'vitest';
import { runVerbatim } from '../support/cli-harness.ts';

const env = { VERBATIM_CONFIG: 'examples/verbatim.config.yaml' };

describe('verbatim explain', () => {
  it('prints the stable JSON fields for a text message, the floor and the route included', async () => {
    const text = 'Our production is down and nobody answers. We are evaluating Zendesk.';
    const result = await runVerbatim(['explain', '-', '--account', 'nordlake-logistics', '--json'], {
      env,
      stdin: text,
    });
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.message.text).toBe(text);
    expect(json.message.author).toMatchObject({ external: true });
    expect(json.account).toEqual({
      id: 'nordlake-logistics',
      name: 'Nordlake Logistics Oy',
      tier: 'enterprise',
    });
    expect(json.noise).toBe(false);
    expect(json.analysis).toMatchObject({ engine: 'heuristic', priority: 'P1', language: 'en' });
    expect(json.analysis.floor.map((hit: { rule: string }) => hit.rule)).toEqual(
      expect.arrayContaining(['outage', 'competitor-switch']),
    );
    expect(json.analysis.topics).toContain('outage');
    expect(typeof json.analysis.sentiment).toBe('number');
    expect(json.analysis.churnSignals).toEqual([
      { driver: 'competitor', phrase: expect.any(String), competitor: 'Zendesk', quoted: true },
    ]);
    expect(typeof json.analysis.summary).toBe('string');
    expect(json.route.team).toBe('engineering');
  });

  it('credits a forwarded email to the original customer and names the colleague who forwarded it', async () => {
    const result = await runVerbatim(
      ['explain', 'examples/emails/06-pohjola-forwarded-outlook-fi.eml', '--json'],
      { env },
    );
    const json = JSON.parse(result.stdout);
    expect(json.message.author.email).toBe('sanna.leinonen@pohjolanenergia.example');
    expect(json.message.forwardedBy).toEqual({
      name: 'Aino Virtanen',
      email: 'aino.virtanen@verbatim-demo.example',
    });
    expect(json.message.subject).toBe('Marraskuun lasku: väärä summa');
    expect(json.account.id).toBe('pohjola-energia');
    expect(json.route.team).toBe('billing');
  });

  it('says what to do, without a stack trace, when a message is typed where a file name goes', async () => {
    const typed = await runVerbatim(['explain', 'Our production is down since 9'], { env });
    expect(typed.code).toBe(2);
    expect(typed.stderr).toMatch(
      /there is no file named "Our production is down since 9"; to give a message's text, pipe it in/,
    );
    expect(typed.stderr).not.toMatch(/\n\s+at /);
    const missing = await runVerbatim(['explain', 'no-such.eml'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/there is no file named "no-such.eml"\n/);
    const folder = await runVerbatim(['explain', 'examples'], { env });
    expect(folder.stderr).toMatch(/"examples" is a folder/);
  });

  it('shows noise as engagement and renders the would-be post for a request', async () => {
    const noise = await runVerbatim(['explain', '-'], { env, stdin: 'Kiitos! 👍' });
    expect(noise.stdout).toMatch(/Noise: yes \(thanks\)/);
    expect(noise.stdout).not.toMatch(/Would post/);
    const request = await runVerbatim(['explain', '-'], { env, stdin: 'The invoice for October is wrong.' });
    expect(request.stdout).toMatch(/Account: unknown → unmapped flow/);
    expect(request.stdout).toMatch(/Would post to slack:C0TRIAGE:\n┌ P\d · Unmapped account/);
  });

  it('explains an unknown account and an empty message', async () => {
    const unknown = await runVerbatim(['explain', '-', '--account', 'nope'], { env, stdin: 'hello?' });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown account "nope"; known: nordlake-logistics/);
    const empty = await runVerbatim(['explain', '-'], { env, stdin: '' });
    expect(empty.code).toBe(2);
  });
});
