// Text-model port: one completion call. The OpenAI-compatible adapter implements it; callers
// validate what comes back (zod) and verify it against the source before showing it.
export interface CompletionRequest {
  /** Instructions. Untrusted article text never goes here. */
  system: string;
  /** Data for the model (article text, passages), clearly delimited by the caller. */
  user: string;
  /** Ask for a JSON object response. */
  json?: boolean;
  maxTokens?: number;
}

export interface CompletionResult {
  text: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
}

export interface TextModel {
  readonly model: string;
  /** Throws on timeout, exhausted retries or an exceeded budget; callers fall back to offline. */
  complete(req: CompletionRequest): Promise<CompletionResult>;
}
