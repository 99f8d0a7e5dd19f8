// zod schemas for what Slack sends us (slash commands, events) and the Web API answers we read.
// Anything that does not match is ignored or answered with a clear message, never trusted.
import { z } from 'zod';

const id = z.string().min(1).max(64);

export const slashCommandSchema = z.object({
  command: z.string().regex(/^\/[\w-]{1,32}$/),
  text: z.string().max(4000).default(''),
  user_id: id,
  channel_id: id,
  team_id: id,
  response_url: z.string().max(2000).optional(),
});
export type SlashCommandPayload = z.infer<typeof slashCommandSchema>;

/** A user's message in a channel or thread. Edits, joins and bot posts carry a subtype or bot_id. */
export const messageEventSchema = z.object({
  type: z.literal('message'),
  subtype: z.string().optional(),
  bot_id: z.string().optional(),
  user: id.optional(),
  team: id.optional(),
  text: z.string().max(40_000).default(''),
  ts: z.string().min(1),
  thread_ts: z.string().min(1).optional(),
  channel: id,
});

export const appMentionEventSchema = z.object({
  type: z.literal('app_mention'),
  bot_id: z.string().optional(),
  user: id.optional(),
  team: id.optional(),
  text: z.string().max(40_000).default(''),
  ts: z.string().min(1),
  thread_ts: z.string().min(1).optional(),
  channel: id,
});

export const usersInfoSchema = z.object({
  user: z.object({
    is_admin: z.boolean().optional(),
    is_owner: z.boolean().optional(),
    is_primary_owner: z.boolean().optional(),
  }),
});

export const postMessageResultSchema = z.object({ ts: z.string().min(1) });

/**
 * What a user typed, from Slack's wire format: `<https://x|label>` and `<https://x>` back to the
 * URL, other control sequences (mentions, channels, broadcasts) to their label or nothing, and the
 * `&amp;` / `&lt;` / `&gt;` entities decoded. Used for slash-command text and follow-up questions.
 */
export function slackToPlain(text: string): string {
  return text
    .replace(/<(https?:\/\/[^|>\s]+)(?:\|[^>]*)?>/gi, '$1')
    .replace(/<(?:[@#!][^|>]*)(?:\|([^>]*))?>/g, (_m, label: string | undefined) => label ?? ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** The question in "@newsbot what did the mayor say?": mentions removed, plain text. */
export function stripMentions(text: string): string {
  return slackToPlain(text.replace(/<@[A-Z0-9]+>/gi, ' ')).replace(/\s+/g, ' ').trim();
}
