/**
 * Polls `probe` until it gives a truthy value and returns that value; fails naming `what` after
 * `timeoutMs`. One helper for every test that waits on something asynchronous (a post, a job, a
 * log line), so a timeout always says what it was waiting for.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | Promise<T>,
  timeoutMs = 30_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
