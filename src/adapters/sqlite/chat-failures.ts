// ChatFailureStore over SQLite: one row per failed chat post, trimmed to the newest per platform.
import { CHAT_FAILURES_KEPT, type ChatFailure, type ChatFailureStore } from '../../store/ports.ts';
import type { Statements } from './database.ts';

export function sqliteChatFailures(st: Statements): ChatFailureStore {
  return {
    async record(f) {
      st.tx(() => {
        st.get('INSERT INTO failed_chat_posts (platform, what, channel_id, error, at) VALUES (?, ?, ?, ?, ?)').run(
          f.platform, f.what, f.channelId, f.error, f.at.getTime(),
        );
        st.get(
          `DELETE FROM failed_chat_posts WHERE platform = @p AND id NOT IN
             (SELECT id FROM failed_chat_posts WHERE platform = @p ORDER BY id DESC LIMIT @keep)`,
        ).run({ p: f.platform, keep: CHAT_FAILURES_KEPT });
      });
    },

    async list() {
      const rows = st.get('SELECT platform, what, channel_id, error, at FROM failed_chat_posts ORDER BY at, id').all() as {
        platform: ChatFailure['platform'];
        what: string;
        channel_id: string;
        error: string;
        at: number;
      }[];
      return rows.map((r) => ({ platform: r.platform, what: r.what, channelId: r.channel_id, error: r.error, at: new Date(r.at) }));
    },
  };
}
