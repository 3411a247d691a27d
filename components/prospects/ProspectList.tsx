import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Stage, type MergeRecord } from '@/lib/schema/model';
import { loadProspectList } from '@/lib/insights/prospects';
import type { PageProspect } from '@/components/insights/page-prospect';
import { OnPageNotice } from '@/components/insights/OnPageNotice';
import { Loading } from '@/components/Loading';
import { MergeProspects } from './MergeProspects';

const PAGE = 50;
// One collator for 20k names: String.localeCompare builds one per call and is ~10x slower.
const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

/** The stage filter's extra choice: prospects with no outreach logged (a lead list's rows). */
const NOT_CONTACTED = 'not-contacted';

export function ProspectList({
  onOpen,
  onPage,
  onImport,
  onMerged,
}: {
  onOpen: (id: string) => void;
  onPage: PageProspect | null;
  onImport: () => void;
  onMerged: (r: MergeRecord) => void;
}) {
  const q = useQuery({ queryKey: ['insights', 'prospect-list'], queryFn: () => loadProspectList() });
  const [search, setSearch] = useState('');
  const [stage, setStage] = useState<Stage | typeof NOT_CONTACTED | ''>('');
  const [page, setPage] = useState(0);
  // Merge by hand: pick two, compare them side by side, merge.
  const [picking, setPicking] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [comparing, setComparing] = useState(false);
  const index = useMemo(
    () =>
      (q.data ?? [])
        .map((p) => ({ p, hay: [p.name, p.company, p.title, p.location, p.industry, ...p.emails].join(' ').toLowerCase() }))
        .sort((a, b) => collator.compare(a.p.name, b.p.name)),
    [q.data],
  );
  const terms = search.toLowerCase().split(/\s+/).filter(Boolean);
  // Stored stage "contacted" without any outreach logged reads "not contacted yet" (the stage enum has no such value).
  const fresh = (p: (typeof index)[number]['p']) => !p.contacted && p.stage === 'contacted';
  const stageOk = (p: (typeof index)[number]['p']) => !stage || (stage === NOT_CONTACTED ? fresh(p) : p.stage === stage && !fresh(p));
  const hits = terms.length || stage ? index.filter((x) => stageOk(x.p) && terms.every((t) => x.hay.includes(t))) : index;
  const pages = Math.max(1, Math.ceil(hits.length / PAGE));
  const cur = Math.min(page, pages - 1);

  if (q.error) return <p className="notice error">Could not read prospects: {String(q.error)}</p>;
  if (!q.data) return <Loading />;
  if (q.data.length === 0)
    return (
      <section aria-label="Prospects" className="insights">
        <div className="empty">
          <strong>No prospects yet</strong>
          Everyone you write to from Gmail or LinkedIn appears here. Open a LinkedIn profile or send a first message to start.
          <br />
          <button onClick={onImport}>Import leads (CSV)</button>
        </div>
      </section>
    );
  return (
    <section aria-label="Prospects" className="insights">
      {onPage && <OnPageNotice onPage={onPage} onOpen={() => onOpen(onPage.prospect.id)} />}
      <div className="list-actions">
        <span />
        <button onClick={onImport}>Import leads</button>
      </div>
      <input
        type="search"
        className="search"
        placeholder="Search name, company, title, email…"
        aria-label="Search prospects"
        value={search}
        onChange={(e) => {
          setSearch(e.target.value);
          setPage(0);
        }}
      />
      <select
        aria-label="Stage filter"
        value={stage}
        onChange={(e) => {
          setStage(e.target.value as Stage | typeof NOT_CONTACTED | '');
          setPage(0);
        }}
      >
        <option value="">All stages</option>
        <option value={NOT_CONTACTED}>Not contacted yet</option>
        {Stage.options.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <div className="row list-head">
        <p className="small muted" data-testid="prospect-count">
          {hits.length === index.length ? `${index.length} prospects` : `${hits.length} of ${index.length} prospects`}
        </p>
        {index.length > 1 && (
          <button
            className="small"
            aria-pressed={picking}
            onClick={() => {
              setPicking(!picking);
              setPicked([]);
              setComparing(false);
            }}
          >
            {picking ? 'Cancel merge' : 'Merge two…'}
          </button>
        )}
      </div>
      {picking && !comparing && (
        <div className="row small">
          <span className="muted">{picked.length === 2 ? 'Two picked.' : `Pick two prospects who are one person (${picked.length} of 2).`}</span>
          <button className="primary" disabled={picked.length !== 2} onClick={() => setComparing(true)}>
            Compare
          </button>
        </div>
      )}
      {picking && comparing && picked.length === 2 && (
        <MergeProspects
          ids={[picked[0]!, picked[1]!]}
          onCancel={() => setComparing(false)}
          onDone={(r) => {
            setPicking(false);
            setPicked([]);
            setComparing(false);
            onMerged(r);
          }}
        />
      )}
      <ul className="plist">
        {hits.slice(cur * PAGE, cur * PAGE + PAGE).map(({ p }) => {
          const label = p.name || p.emails[0] || 'Unnamed';
          const body = (
            <>
              <span className="row">
                <span className="pname">{label}</span>
                {fresh(p) ? <span className="stage stage-new">not contacted yet</span> : <span className={`stage stage-${p.stage}`}>{p.stage}</span>}
              </span>
              <span className="psub small muted">{[p.title, p.company].filter(Boolean).join(' · ') || p.emails[0] || p.linkedinUrl}</span>
            </>
          );
          if (!picking) {
            return (
              <li key={p.id}>
                <button onClick={() => onOpen(p.id)}>{body}</button>
              </li>
            );
          }
          const on = picked.includes(p.id);
          return (
            <li key={p.id} className="pick">
              <label>
                <input
                  type="checkbox"
                  aria-label={`Pick ${label}`}
                  checked={on}
                  disabled={!on && picked.length >= 2}
                  onChange={() => {
                    setComparing(false);
                    setPicked(on ? picked.filter((x) => x !== p.id) : [...picked, p.id]);
                  }}
                />
                <span className="pick-body">{body}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {pages > 1 && (
        <div className="pager">
          <button disabled={cur === 0} onClick={() => setPage(cur - 1)}>
            ← Previous
          </button>
          <span className="small muted">
            Page {cur + 1} of {pages}
          </span>
          <button disabled={cur >= pages - 1} onClick={() => setPage(cur + 1)}>
            Next →
          </button>
        </div>
      )}
    </section>
  );
}
