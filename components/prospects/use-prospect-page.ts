// A prospect's page, its hooks: the record, the edit form and the call logger (one error line for
// both), the timeline with the time it is read at, the template picker of each message. The reads
// and actions are lib/insights/prospects.ts.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import {
  editsOf,
  formOf,
  logProspectCall,
  nextScheduledDue,
  prospectQuery,
  saveProspect,
  setTimelineClass,
  setTimelineIntent,
  setTimelineTemplate,
  timelineQuery,
  type ProspectForm,
} from '@/lib/insights/prospects';
import { templatesQuery } from '@/lib/insights/templates';
import type { CallOutcome, Classification, Prospect, ReplyIntent, Template } from '@/lib/schema/model';

export const useProspect = (id: string) => useQuery(prospectQuery(id));

export interface CallDraft {
  outcome: CallOutcome;
  note: string;
}

/** The edit form of `p` and the call logger. */
export function useProspectActions(p: Prospect) {
  const qc = useQueryClient();
  // The form follows the stored record: edits are kept until the record changes (saved here, or
  // changed elsewhere), then the form shows the record as stored.
  const [draft, setDraft] = useState<{ of: Prospect; form: ProspectForm } | null>(null);
  const form = draft && draft.of === p ? draft.form : formOf(p);
  const [saved, setSaved] = useState<string | null>(null);
  const [call, setCall] = useState<CallDraft>({ outcome: 'connected', note: '' });
  const [error, setError] = useState<string | null>(null);
  const edits = editsOf(p, form);

  /** A typed field: "Saved." goes. */
  const setField = (k: Exclude<keyof ProspectForm, 'traits'>, value: string) => {
    setSaved(null);
    setDraft({ of: p, form: { ...form, [k]: value } });
  };
  const setTraits = (traits: ProspectForm['traits']) => setDraft({ of: p, form: { ...form, traits } });
  const save = async () => {
    setError(null);
    const r = await saveProspect(qc, p.id, edits);
    if (r.ok) setSaved(r.message);
    else setError(r.message);
  };
  const logCall = async () => {
    setError(null);
    const r = await logProspectCall(qc, { prospectId: p.id, outcome: call.outcome, note: call.note });
    if (r.ok) setCall({ ...call, note: '' });
    else setError(r.message);
  };
  return { form, setField, setTraits, edits, saved, save, call, setCall, logCall, error };
}

export type ProspectActions = ReturnType<typeof useProspectActions>;

/**
 * The timeline, and the time it is shown at: fixed while the page stays open, moved when a
 * message scheduled with Gmail falls due (it then reads "scheduled send", no longer "not sent yet").
 */
export function useTimeline(id: string) {
  const q = useQuery(timelineQuery(id));
  const [now, setNow] = useState(() => Date.now());
  const shown = q.data?.shown;
  useEffect(() => {
    const due = shown ? nextScheduledDue(shown, now) : null;
    if (due === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(Math.max(0, due - Date.now()) + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [shown, now]);
  return { view: q.data, now };
}

export type TimelineState = ReturnType<typeof useTimeline>;

const NO_TEMPLATES: Template[] = [];

/** The library, for the template picker of each message. */
export const useTemplateChoices = () => useQuery(templatesQuery()).data ?? NO_TEMPLATES;

/** The template picker of one message: the user's word on which template it came from. */
export function useMessageTemplate(messageId: string) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const choose = async (templateId: string | null) => {
    setBusy(true);
    setErr(null);
    const r = await setTimelineTemplate(qc, messageId, templateId);
    if (!r.ok) setErr(r.message);
    setBusy(false);
  };
  return { busy, err, choose };
}

/** The class and intent pickers of one inbound message: the user's word on what it is and means. */
export function useMessageJudgement(messageId: string) {
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [err, setErr] = useState<string | null>(null);
  const run = async (act: () => Promise<{ ok: boolean; message: string | null }>) => {
    setBusy(true);
    setErr(null);
    const r = await act();
    if (!r.ok) setErr(r.message);
    setBusy(false);
  };
  return {
    busy,
    err,
    setClass: (cls: Classification) => run(() => setTimelineClass(qc, messageId, cls)),
    setIntent: (intent: ReplyIntent) => run(() => setTimelineIntent(qc, messageId, intent)),
  };
}
