// Typed fetch failures. Every failure of fetchUrl is a FetchError whose message is one clear line
// meant for a user ("HTTP 500", "timed out after 15000 ms"); `code` is for programs.
export type FetchErrorCode =
  | 'refused'
  | 'bad-url'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'redirect-loop'
  | 'http-status'
  | 'not-text'
  | 'network';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly url?: string,
    /** HTTP 429/503 only: how long the server asked us to wait (Retry-After), in ms. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** Thrown by the DNS guard inside the socket connect; fetch.ts finds it in the error's cause chain. */
export class AddressRefusedError extends FetchError {
  constructor(message: string) {
    super('refused', message);
    this.name = 'AddressRefusedError';
  }
}
