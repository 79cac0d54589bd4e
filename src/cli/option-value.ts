/** The value after `flag` in `args` (`--emails DIR` → `DIR`), or undefined. */
export function optionValue(args: string[], flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}
