import { WebAPIRateLimitedError } from '@slack/web-api';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createSlackPacer, SlackRateLimitExhaustedError } from '../../src/slack/pace-slack-calls.ts';

const logger = pino({ level: 'silent' });

describe('createSlackPacer', () => {
  it('spaces posts in one channel and lets other channels go at once', async () => {
    const pacer = createSlackPacer({ logger, minIntervalMs: 100 });
    const started = Date.now();
    const times: Record<string, number[]> = { A: [], B: [] };
    const post = (channel: 'A' | 'B') =>
      pacer.post(channel, async () => void times[channel]!.push(Date.now() - started));
    await Promise.all([post('A'), post('A'), post('A'), post('B')]);
    expect(times['A']![1]! - times['A']![0]!).toBeGreaterThanOrEqual(95);
    expect(times['A']![2]! - times['A']![1]!).toBeGreaterThanOrEqual(95);
    expect(times['B']![0]!).toBeLessThan(50);
  });

  it('waits the Retry-After Slack asks for and tries again, for every call', async () => {
    const waits: number[] = [];
    let now = 0;
    const pacer = createSlackPacer({
      logger,
      minIntervalMs: 0,
      now: () => now,
      sleep: async (ms) => {
        waits.push(ms);
        now += ms;
      },
    });
    let attempts = 0;
    const result = await pacer.call(async () => {
      attempts += 1;
      if (attempts < 3) throw new WebAPIRateLimitedError(2);
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(waits).toEqual([2000, 2000]);
  });

  it('gives up after the longest wait, for the job to retry later', async () => {
    let now = 0;
    const pacer = createSlackPacer({
      logger,
      maxRateLimitWaitMs: 5000,
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    await expect(
      pacer.post('A', async () => {
        throw new WebAPIRateLimitedError(3);
      }),
    ).rejects.toBeInstanceOf(SlackRateLimitExhaustedError);
  });

  it('does not retry other errors', async () => {
    const pacer = createSlackPacer({ logger });
    let attempts = 0;
    await expect(
      pacer.post('A', async () => {
        attempts += 1;
        throw new Error('channel_not_found');
      }),
    ).rejects.toThrow('channel_not_found');
    expect(attempts).toBe(1);
  });
});
