/**
 * Parses a shipped or operator-supplied list file (`data/common-passwords.txt`, `data/disposable-domains.txt`)
 * into its entries. Pure, so infrastructure only reads the file and every list follows the same format:
 * one entry per line, surrounding whitespace ignored, blank lines and lines starting with `#` skipped.
 * Order is kept and duplicates are left in; callers build a `Set` with their own case folding.
 */
export function parseWordList(text: string): string[] {
  const entries: string[] = [];
  // A BOM from a Windows editor would otherwise glue itself to the first entry.
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n|\r/)) {
    const entry = line.trim();
    if (entry === '' || entry.startsWith('#')) continue;
    entries.push(entry);
  }
  return entries;
}
