import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useDataTransfer, type ImportProgress } from '@/lib/insights/data-transfer';
import type { HealthLine } from '@/lib/ingest/health';
import {
  CLASSIFICATION_DAYS,
  captureStatusQuery,
  classificationQuery,
  saveSettings,
  settingsQuery,
  type ClassificationBreakdown,
} from '@/lib/insights/settings';
import type { Classification } from '@/lib/schema/model';
import type { Settings } from '@/lib/schema/settings';
import { Loading } from '@/components/Loading';
import '@/components/insights/insights.css';

function Health({ label, line }: { label: string; line: HealthLine }) {
  return (
    <div className="health" data-testid={`health-${label.toLowerCase()}`}>
      <span
        className={`status-dot ${line.state === 'working' ? 'good' : line.state === 'degraded' ? 'warn' : 'idle'}`}
        aria-hidden
      />
      <span>
        <strong>{label} capture:</strong> {line.text}
      </span>
    </div>
  );
}

export function SettingsView() {
  const qc = useQueryClient();
  const transfer = useDataTransfer();
  const settings = useQuery(settingsQuery());
  // Not polled while an import runs: each poll would wait for the import's commit, then read in
  // this page (the main thread) what it wrote. The import's end refreshes it.
  const status = useQuery({
    ...captureStatusQuery(),
    refetchInterval: transfer.progress ? false : captureStatusQuery().refetchInterval,
  });
  const classification = useQuery(classificationQuery());
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const save = useMutation({
    mutationFn: (patch: Partial<Settings>) => saveSettings(qc, patch),
    onError: (e) => setMessage({ kind: 'error', text: e instanceof Error ? e.message : String(e) }),
  });

  async function onImport(file: File | undefined) {
    if (!file) return;
    setMessage(null);
    try {
      await transfer.importFile(file);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  }
  const shown = message ?? transfer.message;

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
            <small className="muted">
              A reply counts only if it arrives within this many days of the first message.
            </small>
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
            <small className="muted">
              LinkedIn never says when an invitation is ignored: one still pending this long counts as not accepted.
            </small>
          </label>
          <p className="muted small" data-testid="identities">
            You, as learned from the pages:{' '}
            {[...s.identities.emails, ...s.identities.linkedinProfileUrls].join(', ') ||
              'not seen yet (open Gmail or LinkedIn)'}
          </p>
        </div>
      )}

      <div className="card">
        <h3>Your data</h3>
        <p className="muted small">
          Everything Sidelog knows is stored in this browser only. Export it to back it up or move it.
        </p>
        <div className="row">
          <button type="button" className="primary" onClick={() => void transfer.exportJson()}>
            Export JSON
          </button>
          <button type="button" onClick={() => void transfer.exportCsv()}>
            Export messages CSV
          </button>
        </div>
        <label className="field" style={{ marginTop: 10 }}>
          <span>Import JSON</span>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            disabled={!!transfer.progress}
            onChange={(e) => void onImport(e.target.files?.[0])}
          />
          <small className="muted">
            Merges a Sidelog export into what is here; importing the same file twice changes nothing.
          </small>
        </label>
        {transfer.progress && <ImportProgressBar p={transfer.progress} onCancel={transfer.cancel} />}
        {shown && (
          <div role={shown.kind === 'error' ? 'alert' : 'status'} className={`notice ${shown.kind}`}>
            {shown.text}
          </div>
        )}
      </div>
    </section>
  );
}

/**
 * How far an import has come: bytes read, then records written (of those read), then the facts.
 * Cancel is offered until the records are committed (after that the import is done but for the facts).
 */
function ImportProgressBar({ p, onCancel }: { p: ImportProgress; onCancel: () => void }) {
  // Reading is the first third of the bar, writing the next 60 %, the facts the rest.
  const fraction =
    p.phase === 'reading'
      ? (p.bytes ? p.bytesRead / p.bytes : 0) * 0.3
      : p.phase === 'writing'
        ? 0.3 + (p.read ? p.written / p.read : 0) * 0.6
        : p.phase === 'facts'
          ? 0.9
          : 1;
  const mb = (n: number) => (n / 1_048_576).toFixed(1);
  return (
    <div className="import-progress" data-testid="import-progress">
      <progress max={1000} value={Math.round(fraction * 1000)} aria-label="Import progress" />
      <p className="small muted" data-testid="import-progress-text">
        {p.phase === 'reading'
          ? `Reading the file: ${mb(p.bytesRead)} of ${mb(p.bytes)} MB`
          : p.phase === 'writing'
            ? `Records read: ${p.read}; written: ${p.written}`
            : `Records read: ${p.read}; written: ${p.written}; building the numbers…`}
      </p>
      {(p.phase === 'reading' || p.phase === 'writing') && (
        <button type="button" onClick={onCancel}>
          Cancel import
        </button>
      )}
    </div>
  );
}

function ExcludedDomains({ value, onSave }: { value: string[]; onSave: (v: string[]) => void }) {
  const [text, setText] = useState(value.join('\n'));
  const parse = (t: string) => [
    ...new Set(
      t
        .split(/[\s,;]+/)
        .map((d) => d.trim().toLowerCase().replace(/^@/, ''))
        .filter(Boolean),
    ),
  ];
  return (
    <label className="field">
      <span>Excluded domains</span>
      <textarea
        rows={3}
        value={text}
        placeholder="mycompany.com"
        onChange={(e) => setText(e.target.value)}
        onBlur={() => onSave(parse(text))}
      />
      <small className="muted">
        Mail to or from these domains (your own company, say) is never logged. One per line.
      </small>
    </label>
  );
}

const CLASS_WORDS: Record<Classification, string> = {
  human: 'Human replies',
  'auto-reply': 'Automatic replies',
  bounce: 'Bounces',
  delay: 'Delivery delayed',
};
const CLASS_SHORT: Record<Classification, string> = {
  human: 'human',
  'auto-reply': 'auto-reply',
  bounce: 'bounce',
  delay: 'delivery delayed',
};

/** How each inbound message of the period was classified: per class and rule, and what was corrected by hand. */
function ClassificationTable({ b }: { b: ClassificationBreakdown }) {
  if (b.total === 0) return <p className="small muted">Nothing came in.</p>;
  const classes = (['human', 'auto-reply', 'bounce', 'delay'] as Classification[]).filter((c) =>
    b.rules.some((r) => r.cls === c),
  );
  return (
    <>
      <p className="small" data-testid="classification-summary">
        {b.total} messages came in: {b.byClass.human} human, {b.byClass['auto-reply']} automatic, {b.byClass.bounce}{' '}
        bounced, {b.byClass.delay} delivery delayed (after corrections).
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
            (
            {b.corrected
              .map((c) => `${c.count} ${c.from ? CLASS_SHORT[c.from] : 'unknown'} → ${CLASS_SHORT[c.to]}`)
              .join(', ')}
            )
          </span>
        )}
        ; reply intents corrected: {b.intentsCorrected === 0 ? 'none' : b.intentsCorrected}.
      </p>
      <p className="info small muted">
        Each message that came in is read by its sender, subject and text (without quoted history): a bounce or a delay
        warning from a mail system, an automatic reply (out of office, acknowledgement, ticket, challenge-response), or
        a person. A wrong call can be corrected on the prospect&apos;s timeline; the correction is kept and every number
        follows.
      </p>
    </>
  );
}
