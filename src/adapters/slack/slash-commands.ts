// Slash commands on Slack, translated. Each request is acknowledged at once (ack() is the first
// thing that happens, before any database, users.info or model call, so Slack's 3 s window is
// never missed), with either the usage error (parsing is pure and fast) or a short "working on
// it". Then the conversation runs the command: public answers are posted in the channel with
// chat.postMessage (the first message's ts is the thread), private ones go back ephemerally
// through the response_url.
import type { App, RespondFn } from '@slack/bolt';
import type { Conversation } from '../../conversation/conversation.ts';
import type { CommandContext, Replier } from '../../conversation/types.ts';
import type { Logger } from '../../log.ts';
import { renderSlack } from '../../render/slack.ts';
import type { createManagerCheck } from './can-manage.ts';
import { slackToPlain, slashCommandSchema } from './payloads.ts';
import { postFailureHint } from './post-messages.ts';
import { publicPost } from './thread-events.ts';

export interface SlackHandlerDeps {
  conversation: Conversation;
  log: Logger;
  canManage: ReturnType<typeof createManagerCheck>;
}

function slashReplier(client: App['client'], channel: string, respond: RespondFn, log: Logger): Replier {
  let working = true;
  return {
    async private(c) {
      working = false;
      const messages = 'text' in c ? [{ text: c.text }] : renderSlack(c.doc);
      // The first replaces the "working on it" note; a long document continues below it.
      for (const [n, m] of messages.entries()) await respond({ response_type: 'ephemeral', replace_original: n === 0, ...m });
    },
    async public(doc, opts) {
      const posted = await publicPost(client, channel, null, doc, opts);
      if (working) {
        working = false;
        // The "working on it" note simply stays when this fails; nothing is lost.
        await respond({ delete_original: true }).catch((err: unknown) => log.debug({ err }, 'slack working note not deleted'));
      }
      return posted;
    },
    failureText: postFailureHint,
  };
}

export function registerSlashCommands(app: App, h: SlackHandlerDeps): void {
  const { conversation } = h;
  // A command configured in the Slack app but unknown here still gets an answer, not a timeout.
  const known = conversation.commands.map((c) => c.name.replace(/[^\w-]/g, '')).join('|');
  app.command(new RegExp(`^/(?!(?:${known})$)`), async ({ command, ack }) => {
    await ack({ response_type: 'ephemeral', text: conversation.precheck(String(command.command).slice(1), {}, { platform: 'slack', canManage: false }) ?? '' });
  });
  for (const cmd of conversation.commands) {
    app.command(`/${cmd.name}`, async ({ command, ack, respond, client }) => {
      const body = slashCommandSchema.safeParse(command);
      if (!body.success) {
        await ack({ response_type: 'ephemeral', text: 'Sorry, that command request could not be read.' });
        h.log.warn({ issues: body.error.issues }, 'malformed slack slash command');
        return;
      }
      const raw = conversation.parse(cmd.name, slackToPlain(body.data.text).trim());
      if ('error' in raw && typeof raw.error === 'string') {
        await ack({ response_type: 'ephemeral', text: raw.error });
        return;
      }
      await ack({ response_type: 'ephemeral', text: `Working on /${cmd.name}…` });
      const p = body.data;
      const ctx: CommandContext = {
        platform: 'slack',
        workspaceId: p.team_id,
        channelId: p.channel_id,
        threadId: null,
        userId: p.user_id,
        canManage: await h.canManage(client, p.user_id),
      };
      await conversation.command(cmd.name, raw as Record<string, string>, ctx, slashReplier(client, p.channel_id, respond, h.log));
    });
  }
}
