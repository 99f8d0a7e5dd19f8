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

/**
 * Runs `fn` over every item once to warm up the JIT, then `passes` times, measuring items/s per
 * pass by wall clock and by this process's CPU time (robust when other work shares the machine),
 * and each call's latency in ms.
 */
export function throughputPasses<T>(items: readonly T[], passes: number, fn: (item: T) => unknown): { rates: number[]; cpuRates: number[]; perItem: number[] } {
  for (const item of items) fn(item);
  const rates: number[] = [];
  const cpuRates: number[] = [];
  const perItem: number[] = [];
  for (let p = 0; p < passes; p++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const item of items) {
      const s0 = performance.now();
      fn(item);
      perItem.push(performance.now() - s0);
    }
    rates.push(items.length / ((performance.now() - t0) / 1000));
    const c = process.cpuUsage(c0);
    cpuRates.push(items.length / ((c.user + c.system) / 1e6));
  }
  return { rates, cpuRates, perItem };
}
