// Neutral command definitions -> Discord application command JSON, and a stable hash of them
// so the bot re-registers on start only when something changed.
import { createHash } from 'node:crypto';
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { Command } from '../../conversation/types.ts';

/** Managers: Manage Channels. Discord hides such commands from others; the adapter checks again. */
export const MANAGE_PERMISSIONS = PermissionFlagsBits.ManageChannels;

export function toDiscordCommands(commands: Command<unknown>[]): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands.map((c) => ({
    type: ApplicationCommandType.ChatInput,
    name: c.name,
    description: c.description.slice(0, 100),
    default_member_permissions: c.manage ? MANAGE_PERMISSIONS.toString() : null,
    contexts: [InteractionContextType.Guild],
    // Discord requires required options first.
    options: [...c.options]
      .sort((a, b) => Number(b.required) - Number(a.required))
      .map((o) =>
        o.type === 'integer'
          ? {
              type: ApplicationCommandOptionType.Integer as const,
              name: o.name,
              description: o.description.slice(0, 100),
              required: o.required,
              ...(o.choices ? { choices: o.choices.map((ch) => ({ name: ch.name, value: Number(ch.value) })) } : {}),
            }
          : {
              type: ApplicationCommandOptionType.String as const,
              name: o.name,
              description: o.description.slice(0, 100),
              required: o.required,
              ...(o.choices ? { choices: o.choices } : {}),
              ...(o.maxLength ? { max_length: Math.min(o.maxLength, 6000) } : {}),
            },
      ),
  }));
}

export function definitionsHash(defs: unknown, scope: string): string {
  return createHash('sha256').update(JSON.stringify({ scope, defs })).digest('hex');
}
