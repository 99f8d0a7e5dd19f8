// Errors a TextModel throws. Callers treat every model error as "fall back to offline"; these
// typed ones let them log the reason and let `newsbot usage` explain an exhausted budget.

/** The day's token budget is used up; no request was sent. Not retried until the next UTC day. */
export class BudgetExceededError extends Error {
  constructor(
    readonly day: string,
    readonly used: number,
    readonly budget: number,
  ) {
    super(`daily model token budget exhausted for ${day}: ${used} of ${budget} tokens used`);
    this.name = 'BudgetExceededError';
  }
}

/** The model could not be reached or kept failing (timeout, 429/5xx after retries, bad reply). */
export class ModelUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ModelUnavailableError';
  }
}

/** UTC day key (YYYY-MM-DD) used for usage accounting. */
export function usageDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}
