// Command-line flags the app reads itself. Chromium switches share argv, so unknown flags are
// skipped rather than refused.

/** The value of `--db FILE` or `--db=FILE`, the last one winning; undefined when absent or empty. */
export function dbFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--db') {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) {
        value = next;
        i++;
      }
    } else if (arg?.startsWith('--db=')) {
      value = arg.slice('--db='.length);
    }
  }
  return value || undefined;
}
