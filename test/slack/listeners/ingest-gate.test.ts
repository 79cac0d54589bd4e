import { describe, expect, it } from 'vitest';
import { createIngestGate } from '../../../src/slack/listeners/ingest-gate.ts';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createIngestGate', () => {
  it('waits for the work while few messages are ahead, and stores at most `concurrency` at once', async () => {
    const gate = createIngestGate({ concurrency: 2, maxWaiting: 10 });
    let running = 0;
    let peak = 0;
    const work = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await tick();
      running -= 1;
    };
    const done: number[] = [];
    await Promise.all([0, 1, 2, 3, 4].map((i) => gate.admit(work, async () => {}).then(() => done.push(i))));
    expect(done).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(gate.pending).toBe(0);
  });

  it('answers at once when too much is ahead, keeps order, and still does the work', async () => {
    const gate = createIngestGate({ concurrency: 1, maxWaiting: 2 });
    const order: number[] = [];
    const work = (i: number) => async () => {
      await tick();
      order.push(i);
    };
    const admitted = [0, 1, 2, 3].map((i) => gate.admit(work(i), async () => {}));
    // The third and fourth resolve before their work ran: Slack is answered first.
    await Promise.race([admitted[2], admitted[3]]);
    expect(order.length).toBeLessThan(3);
    await gate.drain(1000);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('reports a failure of work Slack was already answered for', async () => {
    const gate = createIngestGate({ concurrency: 1, maxWaiting: 0 });
    const failures: unknown[] = [];
    await gate.admit(
      async () => {
        throw new Error('database down');
      },
      async (error) => {
        failures.push(error);
      },
    );
    await gate.drain(1000);
    expect(failures).toHaveLength(1);
  });

  it('passes a failure to the caller when it waited, so Slack delivers the event again', async () => {
    const gate = createIngestGate({ concurrency: 1, maxWaiting: 5 });
    await expect(
      gate.admit(
        async () => {
          throw new Error('database down');
        },
        async () => {},
      ),
    ).rejects.toThrow('database down');
    expect(gate.pending).toBe(0);
  });
});
