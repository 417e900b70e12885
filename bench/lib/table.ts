/** The bench's result table: one row per figure, each beside a reference measured in the same run. */
export interface Row {
  readonly name: string;
  readonly value: string;
  readonly reference: string;
  readonly ratio: string;
}

/** A target on the ratio tessera / reference: at least (`min`) or at most (`max`) this much. */
export type Target = { readonly min: number } | { readonly max: number };

export const fmt = (n: number): string => (!Number.isFinite(n) ? String(n) : Math.abs(n) >= 100 ? n.toFixed(0) : Math.abs(n) >= 10 ? n.toFixed(1) : n.toFixed(2));
export const mb = (bytes: number): string => `${(bytes / 1_048_576).toFixed(1)} MB`;

export function ratioText(value: number, ref: number, target?: Target): string {
  const ratio = value / ref;
  const text = `${ratio.toFixed(2)}×`;
  if (!target) return text;
  if ('min' in target) return `${text} (target ≥ ${target.min}×: ${ratio >= target.min ? 'met' : 'NOT MET'})`;
  return `${text} (target ≤ ${target.max}×: ${ratio <= target.max ? 'met' : 'NOT MET'})`;
}

export class Table {
  readonly rows: Row[] = [];

  /** A figure and its reference in the same unit; the ratio is value / reference. */
  record(name: string, value: number, unit: string, refName: string, ref: number, target?: Target): void {
    this.add({ name, value: `${fmt(value)} ${unit}`, reference: `${refName}: ${fmt(ref)} ${unit}`, ratio: ratioText(value, ref, target) });
  }

  add(row: Row): void {
    this.rows.push(row);
    process.stderr.write(`  ${row.name}: ${row.value} | ${row.reference} | ${row.ratio}\n`);
  }

  /** A figure that could not be measured, so the table still says so. */
  failed(name: string, err: unknown): void {
    const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replaceAll('|', '/');
    this.add({ name, value: 'FAILED', reference: message, ratio: '—' });
  }

  render(): string {
    const line = (r: Row) => `| ${r.name} | ${r.value} | ${r.reference} | ${r.ratio} |`;
    return ['', '| benchmark | tessera | reference (same run) | ratio |', '|---|---|---|---|', ...this.rows.map(line), ''].join('\n');
  }
}

export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  return sorted.length === 0 ? NaN : Number.isInteger(mid) ? (sorted[mid - 1]! + sorted[mid]!) / 2 : sorted[Math.floor(mid)]!;
}

export function section(title: string): void {
  process.stderr.write(`${title}\n`);
}
