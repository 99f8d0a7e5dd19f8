// TextModel over an OpenAI-compatible chat-completions API (openai v6; v7 needs Node 22).
// - JSON mode when the request asks for it (response_format json_object).
// - One request is bounded by `timeoutMs`; a timeout is not retried (chat users are waiting).
// - 429 and 5xx are retried by the SDK itself (`maxRetries`, default 2), with its backoff and
//   honouring Retry-After; then a ModelUnavailableError is thrown so the caller falls back offline.
// - Before every attempt (retries included) the day's recorded usage (all models, UTC day) is
//   checked against `dailyTokenBudget` (0 = no limit); when used up, BudgetExceededError is thrown
//   without a request.
// - Usage of every successful call is recorded with cache.addUsage.
import { randomUUID } from 'node:crypto';
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
  /** Retries after a 429/5xx or a failed connection (default 2), made by the SDK. */
  maxRetries?: number;
  /** Clock, for tests. */
  now?: () => Date;
}

function describe(err: unknown): string {
  if (err instanceof OpenAI.APIConnectionTimeoutError) return 'timed out';
  if (err instanceof OpenAI.APIError) return `HTTP ${String(err.status ?? 'connection error')}: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/** Marks which call an attempt belongs to, so the fetch hook can keep per-call state; never sent. */
const CALL_HEADER = 'x-newsbot-call';

/** What the fetch hook learned about one call's attempts. */
interface CallState {
  timedOut: boolean;
  budget: BudgetExceededError | null;
}

/** An answer the SDK does not retry (x-should-retry: false), ending a call without a request. */
const stopAttempts = (why: string) =>
  new Response(JSON.stringify({ error: { message: why } }), { status: 400, headers: { 'content-type': 'application/json', 'x-should-retry': 'false' } });

export function createOpenAiModel(opts: OpenAiModelOptions, cache: CacheStore, log: Logger): TextModel {
  const now = opts.now ?? (() => new Date());
  const calls = new Map<string, CallState>();

  async function checkBudget(): Promise<void> {
    if (opts.dailyTokenBudget <= 0) return;
    const day = usageDay(now());
    const rows = await cache.usage(day);
    const used = rows.filter((r) => r.day === day).reduce((s, r) => s + r.promptTokens + r.completionTokens, 0);
    if (used >= opts.dailyTokenBudget) throw new BudgetExceededError(day, used, opts.dailyTokenBudget);
  }

  // Every attempt the SDK makes, its retries included, goes through here.
  async function attempt(url: string | URL | Request, init?: RequestInit): Promise<Response> {
    const headers = new Headers(init?.headers);
    const call = calls.get(headers.get(CALL_HEADER) ?? '');
    headers.delete(CALL_HEADER);
    if (call?.timedOut) return stopAttempts('timed out');
    try {
      await checkBudget();
    } catch (err) {
      if (!call || !(err instanceof BudgetExceededError)) throw err;
      call.budget = err;
      return stopAttempts(err.message);
    }
    try {
      return await fetch(url, { ...init, headers });
    } catch (err) {
      if (call && init?.signal?.aborted) call.timedOut = true;
      throw err;
    }
  }

  const client = new OpenAI({
    apiKey: opts.apiKey,
    baseURL: opts.baseURL,
    timeout: opts.timeoutMs,
    maxRetries: opts.maxRetries ?? 2,
    fetch: attempt,
  });

  async function complete(req: CompletionRequest): Promise<CompletionResult> {
    const id = randomUUID();
    const call: CallState = { timedOut: false, budget: null };
    calls.set(id, call);
    try {
      const res = await client.chat.completions.create(
        {
          model: opts.model,
          messages: [
            { role: 'system', content: req.system },
            { role: 'user', content: req.user },
          ],
          ...(req.json ? { response_format: { type: 'json_object' as const } } : {}),
          ...(req.maxTokens ? { max_tokens: req.maxTokens } : {}),
          temperature: 0,
        },
        { headers: { [CALL_HEADER]: id } },
      );
      const text = res.choices?.[0]?.message?.content;
      if (typeof text !== 'string') throw new ModelUnavailableError('model reply had no message content');
      const promptTokens = res.usage?.prompt_tokens ?? 0;
      const completionTokens = res.usage?.completion_tokens ?? 0;
      const model = typeof res.model === 'string' && res.model ? res.model : opts.model;
      await cache.addUsage(usageDay(now()), opts.model, promptTokens, completionTokens);
      return { text, model, promptTokens, completionTokens };
    } catch (err) {
      if (err instanceof ModelUnavailableError) throw err;
      if (call.budget) throw call.budget;
      const reason = call.timedOut ? 'timed out' : describe(err);
      log.warn({ reason }, 'model call failed, falling back');
      throw new ModelUnavailableError(`model call failed: ${reason}`, { cause: err });
    } finally {
      calls.delete(id);
    }
  }

  return { model: opts.model, complete };
}
