// Small statistics helpers shared by bench files: percentiles over latency samples and rates.

/** The p-th percentile (0..100) by nearest rank over unsorted samples; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** Milliseconds since `start` (a value of performance.now()). */
export function msSince(start: number): number {
  return performance.now() - start;
}

/** Times `fn` once per input and returns the latencies in milliseconds. */
export async function timeEach<T>(inputs: readonly T[], fn: (input: T) => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (const input of inputs) {
    const t0 = performance.now();
    await fn(input);
    out.push(performance.now() - t0);
  }
  return out;
}
