// "Schedule send" sync calls for unit tests, built from InboxSDK's real 2022-09-09 send capture
// (test/fixtures/gmail/inboxsdk-sync-2022-09-09/cvOnSend_3_*.json: a new email with to, cc and
// bcc) the way the public sources document scheduling, and only that:
// - the request message's label list [10] carries `^scheduled` where a send carries `^pfg`, and a
//   message carries one or the other: gmail.js `parse_request_payload` (KartikTalwar/gmail.js,
//   src/gmail.js, `send_scheduled_message`, added in 11ec9370ba5bc8d82e6ef76d2ae77ab7aaa4ea6c and
//   unchanged at b7dfdabc19060721426e93dba85b3f6b6d60a211); InboxSDK pull request #1244
//   (src/injected-js/gmail/constants.ts `SCHEDULE_ACTIONS = ['^scheduled']`, at
//   a2a7c80014702638051044fa0715ed4c934a6b0a);
// - the response lists the message in body[1][5] with those actions ([10]), its RFC id [13] and
//   legacy id [55], as for a send: InboxSDK #1244 sync-compose-processor-20250206.ts
//   parseResponseMsg, whose `emailScheduled` event fires on a response message carrying `^scheduled`;
// - the due time: no public source says where it sits (both read the label only). These builders
//   put it at the message's date [6] — the field gmail.js reads as the message's `timestamp` —
//   unless told another position, so the reader's fallbacks are tested too.
// - Cancel send / Undo on the "Send scheduled" toast puts the message back in drafts: a draft
//   save (`^r`, `^r_bt`: InboxSDK DRAFT_SAVING_ACTIONS) of the same message id.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const DIR = path.resolve(__dirname, '../../fixtures/gmail/inboxsdk-sync-2022-09-09');
const read = (f: string) => JSON.parse(readFileSync(path.join(DIR, f), 'utf8'));

export const SCHEDULED_ID = 'msg-a:r-329565169840451245';
export const SCHEDULED_THREAD = 'thread-a:r-8891700334768116294';
/** The legacy (hex) id the capture's response gives the message. */
export const SCHEDULED_LEGACY = '183fcc5cc03fea78';
/** The capture's send time (its request [6] and [17]). */
export const CAPTURE_TIME = 1666393164210;
/** cvOnSend_3's send labels with `^pfg` replaced by `^scheduled`. */
export const SCHEDULE_LABELS = ['^all', '^scheduled', '^f_bt', '^f_btns', '^f_cl', '^i', '^u'];
export const DRAFT_LABELS = ['^all', '^r', '^r_bt'];

type Msg = unknown[];
/** The element at `path` of nested arrays (the sync payloads are positional). */
const at = (x: unknown, path: number[]): unknown => path.reduce<unknown>((v, i) => (v as unknown[])[i], x);
const requestMessage = (body: unknown): Msg => at(body, [1, 0, 0, 1, 1, 13, 0]) as Msg;

/**
 * The request. `due` goes at [6] unless `place` puts it elsewhere (then [6] keeps the capture's
 * time, which lies before the request); `due: null` writes no future time anywhere.
 */
export function scheduleRequest(o: {
  due: number | null;
  labels?: string[];
  place?: (m: Msg, due: number) => void;
}): string {
  const body = read('cvOnSend_3_request.json');
  const m = requestMessage(body);
  m[10] = o.labels ?? SCHEDULE_LABELS;
  if (o.due !== null) {
    if (o.place) o.place(m, o.due);
    else m[6] = o.due;
  }
  return JSON.stringify(body);
}

/** The same message saved as a draft (Cancel send / Undo): the capture's request with draft labels. */
export function draftSaveRequest(): string {
  return scheduleRequest({ due: null, labels: DRAFT_LABELS });
}

/** The response naming the message with `labels` (default: scheduled), dated `time`. */
export function scheduleResponse(o: { labels?: string[]; time?: number } = {}): string {
  const body = read('cvOnSend_3_response.json');
  const inner = body[1][5][0][0][2][6][0];
  const m = inner[4][0];
  m[10] = o.labels ?? SCHEDULE_LABELS;
  if (o.time !== undefined) m[6] = o.time;
  return JSON.stringify(body);
}

/** The labels Gmail gives the message once it has sent it (the capture's response to its send). */
export const SENT_LABELS = ['^all', '^f', '^f_bt', '^f_cl', '^i', '^pfg', '^sq_ig_i_personal', '^u'];

/**
 * A later `/i/s` sync response (a poll, no request message) that lists the message as `labels`
 * say: sent once Gmail sent it (`^f`), or back in drafts after a Cancel send made elsewhere.
 */
export function laterSighting(labels: string[], time: number): { request: string; response: string } {
  return {
    request: JSON.stringify([[null, null, 2], [[]], null, [time, 1, time, 1, 205], 2, 10]),
    response: scheduleResponse({ labels, time }),
  };
}
