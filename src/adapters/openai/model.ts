// TextModel over an OpenAI-compatible chat-completions API (openai v6; v7 needs Node 22).
// - JSON mode when the request asks for it (response_format json_object).
// - One request is bounded by `timeoutMs`; a timeout is not retried (chat users are waiting).
// - 429 and 5xx are retried with exponential backoff plus jitter (`maxRetries`, default 2), then
//   a ModelUnavailableError is thrown so the caller falls back to the offline path.
// - Before each call the day's recorded usage (all models, UTC day) is checked against
//   `dailyTokenBudget` (0 = no limit); when used up, BudgetExceededError is thrown without a request.
// - Usage of every successful call is recorded with cache.addUsage.
import OpenAI from 'openai';
import type { Logger } from '../../log.ts';
import type { CacheStore } from '../../store/ports.ts';
import type { CompletionRequest, CompletionResult, TextModel } from '../../llm/port.ts';
import { BudgetExceededError, ModelUnavailableError, usageDay } from '../../llm/errors.ts';

export interface OpenAiModelOptions {
  apiKey: string;
  baseURL?: string | undefined;
  model: string;
  timeoutMs: number;
  /** Prompt + completion tokens per UTC day across all models; 0 disables the limit. */
  dailyTokenBudget: number;
  /** Retries after a 429/5xx (default 2). */
  maxRetries?: number;
  /** First backoff delay in ms, doubled per retry (default 500). */
  retryBaseMs?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function retryable(err: unknown): boolean {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return false;
  if (err instanceof OpenAI.APIError) {
    const s = err.status as number | undefined;
    // No status: the connection failed before a response (reset, refused): worth one more try.
    return s === undefined || s === 429 || s >= 500;
  }
  return false;
}

function describe(err: unknown): string {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return 'timed out';
  if (err instanceof OpenAI.APIError) return `HTTP ${String(err.status ?? 'connection error')}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

export function createOpenAiModel(opts: OpenAiModelOptions, cache: CacheStore, log: Logger): TextModel {
  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs,
    // Retries are ours (below) so the budget check and logging see each attempt.
    maxRetries: 0,
  });
  const maxRetries = opts.maxRetries ?? 2;
  const base = opts.retryBaseMs ?? 500;
  const now = opts.now ?? (() => new Date());

  async function checkBudget(): Promise<void> {
    if (opts.dailyTokenBudget <= 0) return;
    const day = usageDay(now());
    const rows = await cache.usage(day);
    const used = rows.filter((r) => r.day === day).reduce((s, r) => s + r.promptTokens + r.completionTokens, 0);
    if (used >= opts.dailyTokenBudget) throw new BudgetExceededError(day, used, opts.dailyTokenBudget);
  }

  async function complete(req: CompletionRequest): Promise<CompletionResult> {
    await checkBudget();
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await client.chat.completions.create({
          model: opts.model,
          messages: [
            { role: 'system', content: req.system },
            { role: 'user', content: req.user },
          ],
          ...(req.json ? { response_format: { type: 'json_object' as const } } : {}),
          ...(req.maxTokens ? { max_tokens: req.maxTokens } : {}),
          temperature: 0,
        });
        const text = res.choices?.[0]?.message?.content;
        if (typeof text !== 'string') throw new ModelUnavailableError('model reply had no message content');
        const promptTokens = res.usage?.prompt_tokens ?? 0;
        const completionTokens = res.usage?.completion_tokens ?? 0;
        const model = typeof res.model === 'string' && res.model ? res.model : opts.model;
        await cache.addUsage(usageDay(now()), opts.model, promptTokens, completionTokens);
        return { text, model, promptTokens, completionTokens };
      } catch (err) {
        if (err instanceof ModelUnavailableError) throw err;
        if (attempt < maxRetries && retryable(err)) {
          const delay = base * 2 ** attempt * (0.75 + Math.random() * 0.5);
          log.warn({ attempt: attempt + 1, delayMs: Math.round(delay), reason: describe(err) }, 'model call failed, retrying');
          await sleep(delay);
          continue;
        }
        log.warn({ attempts: attempt + 1, reason: describe(err) }, 'model call failed, falling back');
        throw new ModelUnavailableError(`model call failed: ${describe(err)}`, { cause: err });
      }
    }
  }

  return { model: opts.model, complete };
}
