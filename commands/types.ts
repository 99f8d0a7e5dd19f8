// The command contract lives with the conversation core (src/conversation/types.ts).
export type { Command, CommandContext, OptionDef, Reply, Visibility } from '../src/conversation/types.ts';
