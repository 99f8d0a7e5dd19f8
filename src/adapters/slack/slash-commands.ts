// Slash commands on Slack. Each request is acknowledged at once (ack() is the first thing that
// happens, before any database, users.info or model call, so Slack's 3 s window is never
// missed), with either the usage error (parseText is pure and fast) or a short "working on it".
// Then the command runs through the neutral router: a 'doc' reply is posted in the channel with
// chat.postMessage (a digest is saved first and its first message's ts becomes its thread);
// a 'private' reply goes back ephemerally through the response_url.
import type { App, RespondFn } from '@slack/bolt';
import type { Command, CommandContext, Reply } from '../../../commands/types.ts';
import type { CommandDeps } from '../../../commands/deps.ts';
import { runCommand } from '../../../commands/router.ts';
import type { Logger } from '../../log.ts';
import { renderSlack } from '../../render/slack.ts';
import type { createManagerCheck } from './can-manage.ts';
import { slackToPlain, slashCommandSchema, type SlashCommandPayload } from './payloads.ts';
import { recordSlackFailure } from './failures.ts';
import { postFailureHint, postMessages } from './post-messages.ts';

export interface SlackHandlerDeps {
  deps: CommandDeps;
  commands: Command<CommandDeps>[];
  log: Logger;
  canManage: ReturnType<typeof createManagerCheck>;
}

async function tell(respond: RespondFn, text: string, log: Logger): Promise<void> {
  try {
    await respond({ response_type: 'ephemeral', replace_original: true, text });
  } catch (err) {
    log.warn({ err }, 'slack respond() failed');
  }
}

export function registerSlashCommands(app: App, h: SlackHandlerDeps): void {
  // A command configured in the Slack app but unknown here still gets an answer, not a timeout.
  const known = h.commands.map((c) => c.name.replace(/[^\w-]/g, '')).join('|');
  app.command(new RegExp(`^/(?!(?:${known})$)`), async ({ ack }) => {
    await ack({ response_type: 'ephemeral', text: `Unknown command. Try: ${h.commands.map((c) => '/' + c.name).join(', ')}` });
  });
  for (const cmd of h.commands) {
    app.command(`/${cmd.name}`, async ({ command, ack, respond, client }) => {
      const body = slashCommandSchema.safeParse(command);
      if (!body.success) {
        await ack({ response_type: 'ephemeral', text: 'Sorry, that command request could not be read.' });
        h.log.warn({ issues: body.error.issues }, 'malformed slack slash command');
        return;
      }
      const raw = cmd.parseText(slackToPlain(body.data.text).trim());
      if ('error' in raw && typeof raw.error === 'string') {
        await ack({ response_type: 'ephemeral', text: raw.error });
        return;
      }
      await ack({ response_type: 'ephemeral', text: `Working on /${cmd.name}…` });
      try {
        await runAndReply(cmd, raw as Record<string, string>, body.data, { respond, client }, h);
      } catch (err) {
        await recordSlackFailure(h.deps.store.cache, h.log, { what: `/${cmd.name} reply`, channelId: body.data.channel_id }, err);
        await tell(respond, postFailureHint(err), h.log);
      }
    });
  }
}

async function runAndReply(
  cmd: Command<CommandDeps>,
  raw: Record<string, string>,
  p: SlashCommandPayload,
  io: { respond: RespondFn; client: App['client'] },
  h: SlackHandlerDeps,
): Promise<void> {
  const ctx: CommandContext = {
    platform: 'slack',
    workspaceId: p.team_id,
    channelId: p.channel_id,
    threadId: null,
    userId: p.user_id,
    canManage: await h.canManage(io.client, p.user_id),
  };
  const reply: Reply = await runCommand(cmd, raw, ctx, h.deps);
  if (reply.kind === 'private') {
    await tell(io.respond, reply.text, h.log);
    return;
  }
  const where = { platform: 'slack', workspaceId: p.team_id, channelId: p.channel_id };
  // Saved before posting so a follow-up arriving right after the post always finds it.
  if (reply.digest) await h.deps.store.digests.save(reply.digest, where);
  const ts = await postMessages(io.client, p.channel_id, renderSlack(reply.doc));
  if (reply.digest && ts[0]) await h.deps.store.digests.linkThread('slack', ts[0], reply.digest.id);
  h.log.info({ command: cmd.name, channel: p.channel_id, messages: ts.length, digestId: reply.digest?.id }, 'slack reply posted');
  try {
    await io.respond({ delete_original: true });
  } catch {
    // The "working on it" note simply stays; nothing is lost.
  }
}
