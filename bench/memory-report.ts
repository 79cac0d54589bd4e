// On SIGUSR2, one JSON line on stdout with process.memoryUsage() and the V8 heap's spaces: the
// breakdown bench/memory-soak.ts prints beside the resident set. The chaos bot imports it; the soak's
// `cli` mode preloads it (`node --import`) into `verbatim start`, which has no such hook itself.
// Plain Node runs it (types stripped), so it imports nothing from the sources.
import { getHeapSpaceStatistics } from 'node:v8';

process.on('SIGUSR2', () => {
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [
      space.space_name,
      { size: space.space_size, used: space.space_used_size },
    ]),
  );
  process.stdout.write(`${JSON.stringify({ memory: process.memoryUsage(), spaces })}\n`);
});
