// The benchmark contract. `npm run bench` (bench/run.ts) discovers every bench/*.bench.ts and runs
// its default export. A bench reports medians/percentiles and ratios, never a single timed run.

/** One figure of a benchmark. `value` NaN means "not measured" (say why in `note`). */
export interface BenchRow {
  metric: string;
  value: number;
  /** e.g. "articles/s", "ms", "MB", "x" (ratio). */
  unit: string;
  note?: string;
}

export interface BenchOptions {
  /** Corpus size: 100,000 by default, 5,000 with --quick; `--n` overrides both. */
  n: number;
  /** Set by --quick: a short smoke run (fewer repetitions), not for published figures. */
  quick: boolean;
  /** Set by --store: which store adapter a store-backed bench measures (default sqlite). */
  store: 'sqlite' | 'postgres';
}

export interface Bench {
  /** Short id used by `--only` (e.g. "store"); unique across bench files. */
  name: string;
  /**
   * Runs the benchmark and returns its rows. Throwing is allowed: the runner turns the error into a
   * row note and carries on with the next bench. A bench that cannot run (missing service) should
   * return a row with value NaN and a note starting with "skipped:" instead of throwing.
   */
  run(opts: BenchOptions): Promise<BenchRow[]>;
}
