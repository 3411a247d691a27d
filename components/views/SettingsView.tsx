import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { getDb } from '@/lib/db/db';
import { notifyDbChanged } from '@/lib/db/changes';
import { buildExport, exportFileName, messagesCsv } from '@/lib/export/export';
import { ImportError, importExport, parseExportText } from '@/lib/export/import';
import { loadFacts } from '@/lib/insights/facts-store';
import { loadDashboardData, popupNumbers } from '@/lib/insights/load';
import type { HealthLine } from '@/lib/ingest/health';
import { CLASSIFICATION_DAYS, captureStatusQuery, classificationQuery, saveSettings, settingsQuery, type ClassificationBreakdown } from '@/lib/insights/settings';
import type { Classification } from '@/lib/schema/model';
import type { Settings } from '@/lib/schema/settings';
import { Loading } from '@/components/Loading';
import '@/components/insights/insights.css';

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Health({ label, line }: { label: string; line: HealthLine }) {
  return (
    <div className="health" data-testid={`health-${label.toLowerCase()}`}>
      <span className={`status-dot ${line.state === 'working' ? 'good' : line.state === 'degraded' ? 'warn' : 'idle'}`} aria-hidden />
      <span>
        <strong>{label} capture:</strong> {line.text}
      </span>
    </div>
  );
}

export function SettingsView() {
  const qc = useQueryClient();
  const settings = useQuery(settingsQuery());
  const status = useQuery(captureStatusQuery());
  const classification = useQuery(classificationQuery());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const save = useMutation({
    mutationFn: (patch: Partial<Settings>) => saveSettings(qc, patch),
    onError: (e) => setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) }),
  });

  async function onExportJson() {
    const now = Date.now();
    const file = await buildExport(getDb(), now);
    download(exportFileName(now), 'application/json', JSON.stringify(file, null, 2));
  }

  async function onExportCsv() {
    const db = getDb();
    const [messages, prospects] = await Promise.all([db.messages.orderBy('sentAt').toArray(), db.prospects.toArray()]);
    const d = exportFileName(Date.now()).replace('sidelog-export', 'sidelog-messages').replace(/\.json$/, '.csv');
    download(d, 'text/csv', messagesCsv(messages, new Map(prospects.map((p) => [p.id, p]))));
  }

  async function onImport(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    try {
      const parsed = parseExportText(await file.text());
      const r = await importExport(getDb(), parsed, Date.now());
      const a = r.added;
      const total = a.prospects + a.threads + a.messages + a.templates + r.updated;
      // Bring the dashboard's stored facts up to date now, while the user waits for the import
      // anyway, rather than on the next visit to the dashboard.
      if (total > 0) await loadFacts(getDb(), { save: 'now' });
      setMessage({
        kind: 'ok',
        text:
          total === 0
            ? `Nothing new in ${file.name}: everything in it is already here.`
            : `Imported ${file.name}: ${a.messages} messages, ${a.threads} threads, ${a.prospects} prospects, ${a.templates} templates added; ${r.updated} records completed.`,
      });
      notifyDbChanged({ tables: ['prospects', 'threads', 'messages', 'templates'] });
      // The popup's numbers too, so a popup opened next shows them at once (after the notification,
      // which drops the ones kept before the import).
      if (total > 0) popupNumbers(await loadDashboardData(), Date.now());
      await qc.invalidateQueries();
    } catch (e) {
      setMessage({
        kind: 'error',
        text: e instanceof ImportError ? e.message : `Import failed, nothing was changed: ${e instanceof Error ? e.message : String(e)}`,
      });
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  const s = settings.data;
  return (
    <section aria-label="Settings">
      <h2>Settings</h2>

      <div className="card">
        <h3>Capture</h3>
        {status.data ? (
          <>
            <Health label="Gmail" line={status.data.gmail} />
            <Health label="LinkedIn" line={status.data.linkedin} />
            <p className="muted small" data-testid="ingest-stats">
              Stored: {status.data.counts.messages} messages in {status.data.counts.threads} threads with{' '}
              {status.data.counts.prospects} prospects. Rejected as malformed: {status.data.stats.malformed}. Skipped
              (outside outreach): {status.data.stats.untracked}. Excluded domains: {status.data.stats.excluded}.
            </p>
          </>
        ) : (
          <Loading />
        )}
        {s && (
          <>
            <label className="row">
              <input
                type="checkbox"
                checked={s.tracking.gmail}
                onChange={(e) => save.mutate({ tracking: { ...s.tracking, gmail: e.target.checked } })}
              />
              Log my Gmail outreach
            </label>
            <label className="row">
              <input
                type="checkbox"
                checked={s.tracking.linkedin}
                onChange={(e) => save.mutate({ tracking: { ...s.tracking, linkedin: e.target.checked } })}
              />
              Log my LinkedIn outreach
            </label>
          </>
        )}
      </div>

      <div className="card" aria-label="Classification">
        <h3>What came in, last {CLASSIFICATION_DAYS} days</h3>
        {classification.data ? <ClassificationTable b={classification.data} /> : <Loading />}
      </div>

      {s && (
        <div className="card">
          <h3>Rules</h3>
          <ExcludedDomains value={s.excludedDomains} onSave={(excludedDomains) => save.mutate({ excludedDomains })} />
          <label className="field">
            <span>Reply window (days)</span>
            <input
              type="number"
              min={1}
              max={365}
              value={s.replyWindowDays}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 365) save.mutate({ replyWindowDays: n });
              }}
            />
            <small className="muted">A reply counts only if it arrives within this many days of the first message.</small>
          </label>
          <label className="field">
            <span>Smallest sample worth a verdict</span>
            <input
              type="number"
              min={1}
              max={1000}
              value={s.minSample}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 1000) save.mutate({ minSample: n });
              }}
            />
            <small className="muted">Below this many threads a rate says “too early”.</small>
          </label>
          <label className="field">
            <span>LinkedIn invitation counts as not accepted after (days)</span>
            <input
              type="number"
              min={1}
              max={365}
              value={s.invitePendingDays}
              onChange={(e) => {
                const n = Number(e.target.value);
                if (Number.isInteger(n) && n >= 1 && n <= 365) save.mutate({ invitePendingDays: n });
              }}
            />
            <small className="muted">LinkedIn never says when an invitation is ignored: one still pending this long counts as not accepted.</small>
          </label>
          <p className="muted small" data-testid="identities">
            You, as learned from the pages:{' '}
            {[...s.identities.emails, ...s.identities.linkedinProfileUrls].join(', ') || 'not seen yet (open Gmail or LinkedIn)'}
          </p>
        </div>
      )}

      <div className="card">
        <h3>Your data</h3>
        <p className="muted small">Everything Sidelog knows is stored in this browser only. Export it to back it up or move it.</p>
        <div className="row">
          <button type="button" className="primary" onClick={() => void onExportJson()}>
            Export JSON
          </button>
          <button type="button" onClick={() => void onExportCsv()}>
            Export messages CSV
          </button>
        </div>
        <label className="field" style={{ marginTop: 10 }}>
          <span>Import JSON</span>
          <input ref={fileInput} type="file" accept="application/json,.json" onChange={(e) => void onImport(e.target.files?.[0])} />
          <small className="muted">Merges a Sidelog export into what is here; importing the same file twice changes nothing.</small>
        </label>
        {message && (
          <div role={message.kind === 'error' ? 'alert' : 'status'} className={`notice ${message.kind}`}>
            {message.text}
          </div>
        )}
      </div>
    </section>
  );
}

function ExcludedDomains({ value, onSave }: { value: string[]; onSave: (v: string[]) => void }) {
  const [text, setText] = useState(value.join('\n'));
  const parse = (t: string) =>
    [...new Set(t.split(/[\s,;]+/).map((d) => d.trim().toLowerCase().replace(/^@/, '')).filter(Boolean))];
  return (
    <label className="field">
      <span>Excluded domains</span>
      <textarea rows={3} value={text} placeholder="mycompany.com" onChange={(e) => setText(e.target.value)} onBlur={() => onSave(parse(text))} />
      <small className="muted">Mail to or from these domains (your own company, say) is never logged. One per line.</small>
    </label>
  );
}

const CLASS_WORDS: Record<Classification, string> = { human: 'Human replies', 'auto-reply': 'Automatic replies', bounce: 'Bounces', delay: 'Delivery delayed' };
const CLASS_SHORT: Record<Classification, string> = { human: 'human', 'auto-reply': 'auto-reply', bounce: 'bounce', delay: 'delivery delayed' };

/** How each inbound message of the period was classified: per class and rule, and what was corrected by hand. */
function ClassificationTable({ b }: { b: ClassificationBreakdown }) {
  if (b.total === 0) return <p className="small muted">Nothing came in.</p>;
  const classes = (['human', 'auto-reply', 'bounce', 'delay'] as Classification[]).filter((c) => b.rules.some((r) => r.cls === c));
  return (
    <>
      <p className="small" data-testid="classification-summary">
        {b.total} messages came in: {b.byClass.human} human, {b.byClass['auto-reply']} automatic, {b.byClass.bounce} bounced,{' '}
        {b.byClass.delay} delivery delayed (after corrections).
      </p>
      <table className="rates" data-testid="classification-table">
        <thead>
          <tr>
            <th>Classified by the rules as</th>
            <th className="num">Count</th>
          </tr>
        </thead>
        <tbody>
          {classes.flatMap((c) => [
            <tr key={c} className="group">
              <th scope="rowgroup" colSpan={1}>
                {CLASS_WORDS[c]}
              </th>
              <td className="num">{b.rules.filter((r) => r.cls === c).reduce((n, r) => n + r.count, 0)}</td>
            </tr>,
            ...b.rules
              .filter((r) => r.cls === c)
              .map((r) => (
                <tr key={`${c}:${r.rule}`} data-rule={r.rule}>
                  <th scope="row" className="rule" title={r.rule}>
                    <span className="clip">{r.label}</span>
                  </th>
                  <td className="num">{r.count}</td>
                </tr>
              )),
          ])}
        </tbody>
      </table>
      <p className="small" data-testid="classification-corrected">
        Corrected by hand: {b.correctedTotal === 0 ? 'none' : b.correctedTotal}
        {b.corrected.length > 0 && (
          <span className="muted">
            {' '}
            ({b.corrected.map((c) => `${c.count} ${c.from ? CLASS_SHORT[c.from] : 'unknown'} → ${CLASS_SHORT[c.to]}`).join(', ')})
          </span>
        )}
        ; reply intents corrected: {b.intentsCorrected === 0 ? 'none' : b.intentsCorrected}.
      </p>
      <p className="info small muted">
        Each message that came in is read by its sender, subject and text (without quoted history): a bounce or a delay warning from a mail
        system, an automatic reply (out of office, acknowledgement, ticket, challenge-response), or a person. A wrong call can be corrected on
        the prospect&apos;s timeline; the correction is kept and every number follows.
      </p>
    </>
  );
}
