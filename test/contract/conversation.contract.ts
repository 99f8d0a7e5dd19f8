// One conversation, run through every chat adapter with its real client against the loopback
// fakes: a digest posted in public with a thread, /sources answered privately, a follow-up in the
// digest's thread answered from the digest, and a management command refused to a non-manager.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/** What the user saw. `visibility` is null where the platform shows no difference (the console). */
export interface Seen {
  visibility: 'public' | 'private' | null;
  text: string;
  /** The thread a digest's follow-ups go to. */
  threadId?: string | null;
}

export interface ChatDriver {
  /**
   * Sends a command as a user with (manager) or without channel-manager rights: as structured
   * options where the platform has them, else as the typed text.
   */
  command(name: string, options: Record<string, string>, text: string, o: { manager: boolean }): Promise<Seen>;
  /** Sends a message in a thread; resolves with the answer posted there. */
  inThread(threadId: string, text: string): Promise<Seen>;
  /** The digest linked to a thread, if any. */
  linked(threadId: string): Promise<{ topic: string } | null>;
  close(): Promise<void>;
}

export function conversationContract(platform: string, open: () => Promise<ChatDriver>): void {
  describe(`the conversation on ${platform}`, () => {
    let chat: ChatDriver;
    let threadId: string;
    beforeAll(async () => {
      chat = await open();
    });
    afterAll(() => chat?.close());

    it('posts a digest for everyone and links the thread under it to the digest', async () => {
      const seen = await chat.command('digest', { topic: 'harbour strike' }, 'harbour strike', { manager: false });
      expect(seen.visibility ?? 'public').toBe('public');
      expect(seen.text).toContain('harbour strike');
      expect(seen.threadId).toBeTruthy();
      threadId = seen.threadId!;
      await expect.poll(() => chat.linked(threadId)).toMatchObject({ topic: 'harbour strike' });
    });

    it('answers /sources list only to the person who asked', async () => {
      const seen = await chat.command('sources', { action: 'list' }, 'list', { manager: false });
      expect(seen.visibility ?? 'private').toBe('private');
      expect(seen.text).toContain('Sources');
    });

    it("answers a question in the digest's thread from that digest", async () => {
      const seen = await chat.inThread(threadId, 'what did Kovalenko say?');
      expect(seen.visibility ?? 'public').toBe('public');
      expect(seen.text).toContain('Mira Kovalenko');
      expect(seen.text).toContain('https://news.example/strike-today');
    });

    it('refuses a management command to someone without the rights, privately', async () => {
      const seen = await chat.command('subscribe', { topic: 'harbour strike', time: '08:30', timezone: 'UTC' }, 'harbour strike 08:30 UTC', { manager: false });
      expect(seen.visibility ?? 'private').toBe('private');
      expect(seen.text).toMatch(/^\/subscribe changes this channel's setup: it needs Manage Channels/);
    });
  });
}
