import { readFileSync } from 'node:fs';

/**
 * The resident set by kind of mapping, from /proc/<pid>/smaps (memory-soak.ts with BENCH_SMAPS=1,
 * pglite-memory-probe.ts), in MB, the six largest kinds first. Anonymous mappings
 * are told apart by shape: the WebAssembly memory is the one followed by a guard reservation of
 * several GB; glibc's per-thread malloc arenas start on a 64 MB boundary and are at most 64 MB;
 * `[heap]` is the main thread's malloc heap; the rest is V8's heap, compiled code and thread stacks.
 */
export function rssByMapping(pid: number): string {
  type Mapping = { start: bigint; perms: string; name: string; sizeKb: number; rssKb: number };
  const mappings: Mapping[] = [];
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      mappings.push({
        start: BigInt(`0x${header[1]}`),
        perms: header[2]!,
        name: header[3] ?? '',
        sizeKb: 0,
        rssKb: 0,
      });
      continue;
    }
    const current = mappings.at(-1);
    const field = /^(Size|Rss):\s+(\d+) kB/.exec(line);
    if (current && field) current[field[1] === 'Size' ? 'sizeKb' : 'rssKb'] = Number(field[2]);
  }
  const groups = new Map<string, number>();
  mappings.forEach((mapping, index) => {
    const next = mappings[index + 1];
    const kind = mapping.name
      ? mapping.name.startsWith('/')
        ? mapping.name.split('/').pop()!
        : mapping.name
      : next && next.perms === '---p' && next.sizeKb >= 4 * 2 ** 20 && mapping.perms === 'rw-p'
        ? 'WebAssembly memory'
        : mapping.start % 0x4000000n === 0n && mapping.sizeKb <= 65536 && mapping.perms === 'rw-p'
          ? 'malloc arenas'
          : 'other anonymous';
    groups.set(kind, (groups.get(kind) ?? 0) + mapping.rssKb);
  });
  return [...groups.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([kind, kb]) => `${kind} ${(kb / 1024).toFixed(1)}`)
    .join(', ');
}
