// The neutral message document every command and digest produces. Platform renderers
// (Discord embeds, Slack Block Kit, plain text) turn it into messages within their limits,
// splitting only between blocks so a quote or link is never cut. All text here is raw and
// untrusted: renderers escape it for their format.

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'bold'; text: string }
  | { t: 'italic'; text: string }
  | { t: 'link'; text: string; url: string };

export type Block =
  | { type: 'heading'; text: string; url?: string }
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'quote'; text: string; speaker: string | null; attribution?: Inline[] }
  | { type: 'list'; items: Inline[][] }
  | { type: 'context'; inlines: Inline[] }
  | { type: 'divider' };

export interface Doc {
  title: string;
  url?: string;
  blocks: Block[];
}

export const text = (s: string): Inline => ({ t: 'text', text: s });
export const bold = (s: string): Inline => ({ t: 'bold', text: s });
export const italic = (s: string): Inline => ({ t: 'italic', text: s });
export const link = (s: string, url: string): Inline => ({ t: 'link', text: s, url });
export const paragraph = (...inlines: Inline[]): Block => ({ type: 'paragraph', inlines });
