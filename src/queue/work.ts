// The work the core asks to have done later, by intent. The composition root turns each request
// into a job (src/app/work.ts over jobs/): job names, payload schemas, deterministic ids and the
// ingest-window key stay there, so the core never imports jobs/.
export interface Work {
  /**
   * Fetches and stores one source. `at` picks the ingest window (one UTC minute): every process
   * asking for the same source in the same window gets one job. `start` marks the ingest at
   * process start, which has windows of its own; `delayMs` spreads sources within a tick.
   */
  ingestSource(sourceId: string, o: { at: Date; start?: boolean; delayMs?: number }): Promise<void>;
  /** Builds and posts one subscription's digest for one period (exactly once per period). */
  postDigest(subscriptionId: string, period: string): Promise<void>;
  /** Deletes what is past retention; `day` is the UTC day (YYYY-MM-DD) of the tick. */
  prune(day: string): Promise<void>;
}
