// An invitation note shown again: LinkedIn shows the note of an accepted invitation as the first
// message of the conversation it opens. Both ingestion (lib/ingest/messages.ts, as it happens) and
// the schema v3 upgrade (lib/db/upgrade-v3.ts, for databases from before) fold such an echo into the
// invitation, by this one rule.
import type { Message } from '../schema/model';
import { normText } from '../text';

/** How long after an invitation its note may reappear as the conversation's first message. */
export const INVITE_ECHO_WINDOW_MS = 366 * 86_400_000;

/**
 * A LinkedIn message that is an invitation's note shown again (as LinkedIn shows it, the first
 * message of the conversation that opens on acceptance): sent by the user, same text, not before
 * the invitation (a minute of clock skew allowed), within a year of it.
 */
export function isInviteEcho(
  invite: Pick<Message, 'kind' | 'direction' | 'text' | 'sentAt'>,
  m: Pick<Message, 'kind' | 'direction' | 'text' | 'sentAt'>,
): boolean {
  if (invite.kind !== 'linkedin-invite' || invite.direction !== 'outbound') return false;
  if (m.kind !== 'linkedin-message' || m.direction !== 'outbound') return false;
  const a = normText(invite.text);
  if (!a || a !== normText(m.text)) return false;
  return m.sentAt >= invite.sentAt - 60_000 && m.sentAt - invite.sentAt <= INVITE_ECHO_WINDOW_MS;
}
