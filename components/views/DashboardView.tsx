// Dashboard: the numbers of docs/design.md "What the numbers mean", each with its n and definition.
// Reads Dexie through react-query (App invalidates on "db changed"); computes with lib/analytics.
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { computeActivity, computeCore, computePeople, dashboardUnits, type DashboardCore, type DashboardPeople } from '@/lib/analytics/dashboard';
import type { Activity } from '@/lib/analytics/activity';
import { UNKNOWN, UNKNOWN_LABEL, type Dimension, type GroupRate, type TraitCoverage } from '@/lib/analytics/rates';
import { compareRates } from '@/lib/analytics/stats';
import { nextDue, scheduledAhead, type Filters } from '@/lib/analytics/units';
import type { Channel } from '@/lib/schema/model';
import { BarChart } from '@/components/insights/BarChart';
import { Info } from '@/components/insights/Info';
import { RateBar } from '@/components/insights/RateBar';
import { channelLabel, ciText, dateText, duration, money, pct, rateText, verdictText } from '@/components/insights/format';
import { loadDashboardData, popupNumbers } from '@/lib/insights/load';
import { usePageProspect } from '@/components/insights/page-prospect';
import { OnPageNotice } from '@/components/insights/OnPageNotice';
import { takeRequestedDimension } from '@/components/insights/dimension-request';
import '@/components/insights/insights.css';
import { Loading } from '@/components/Loading';
import { InvitationsSection } from '@/components/insights/InvitationsSection';

const DAY = 86_400_000;
const RANGES = [
  { id: '7', label: 'Last 7 days', days: 7 },
  { id: '30', label: 'Last 30 days', days: 30 },
  { id: '90', label: 'Last 90 days', days: 90 },
  { id: '365', label: 'Last 12 months', days: 365 },
  { id: 'all', label: 'All time', days: null },
  { id: 'custom', label: 'Custom…', days: null },
] as const;
type RangeId = (typeof RANGES)[number]['id'];

/** Local midnight `days` days ago: ranges start at the start of a day. */
const startOfDayAgo = (now: number, days: number) => {
  const d = new Date(now - (days - 1) * DAY);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
};
const dateInput = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export function DashboardView() {
  // `now` is fixed per mount (ranges stay stable while the user looks; react-query refreshes data),
  // but moves when a scheduled message falls due: the numbers count it then, with no new data.
  const [now, setNow] = useState(() => Date.now());
  const [range, setRange] = useState<RangeId>('90');
  const [custom, setCustom] = useState({ from: dateInput(now - 29 * DAY), to: dateInput(now) });
  const [channel, setChannel] = useState<Channel | ''>('');
  const [tag, setTag] = useState('');
  const [dimension, setDimension] = useState<Dimension>(() => takeRequestedDimension() ?? 'seniority');
  const onPage = usePageProspect();

  const r = RANGES.find((x) => x.id === range)!;
  // A half-typed custom date is NaN: treat it as an open end rather than filtering on NaN.
  const finite = (x: number) => (Number.isFinite(x) ? x : null);
  const from =
    range === 'custom' ? finite(new Date(`${custom.from}T00:00`).getTime()) : r.days ? startOfDayAgo(now, r.days) : null;
  const to = range === 'custom' ? finite(new Date(`${custom.to}T00:00`).getTime() + DAY) : null;
  const filters: Filters = { from, to, channel: channel || null, tag: tag || null };

  // One read: the facts, kept up to date by lib/insights/facts-store.ts (a stored record of columns
  // plus the rows written since), then every number is computed in memory.
  const q = useQuery({ queryKey: ['insights', 'facts'], queryFn: () => loadDashboardData() });
  const data = q.data;
  const settings = data?.settings;
  // The popup's numbers come from the same data (~1 ms at 100k): kept for its next first frame.
  useEffect(() => {
    if (data) popupNumbers(data, Date.now());
  }, [data]);
  useEffect(() => {
    const due = data ? nextDue(data.facts, now) : null;
    if (due === null) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.min(Math.max(0, due - Date.now()) + 50, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [data, now]);
  const units = useMemo(
    () => (data && settings ? dashboardUnits({ facts: data.facts, templates: data.templates, replyWindowDays: settings.replyWindowDays, filters, now }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filters is rebuilt each render from these
    [data, from, to, channel, tag, now],
  );
  const core = useMemo(
    () =>
      data && settings && units
        ? computeCore({ facts: data.facts, templates: data.templates, now, replyWindowDays: settings.replyWindowDays, minSample: settings.minSample, filters }, units)
        : null,
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filters follow units
    [units, now],
  );
  const peopleStats = useMemo(
    () => (data && settings && units ? computePeople({ templates: data.templates, minSample: settings.minSample, dimension }, units) : null),
    [units, dimension, data, settings],
  );
  const activity = useMemo(
    () => (data ? computeActivity({ facts: data.facts, templates: data.templates, now, filters, utcOffsetMs: -new Date(now).getTimezoneOffset() * 60_000 }) : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- filters is rebuilt each render from these
    [data, now, from, to, channel, tag],
  );
  const names = useMemo(() => {
    const p = data?.facts.prospects;
    const m = new Map<string, string>();
    if (p) for (let i = 0; i < p.id.length; i++) if (p.stored[i]) m.set(p.id[i], p.name[i]);
    return m;
  }, [data]);
  const tags = useMemo(() => [...new Set((data?.templates ?? []).flatMap((t) => t.tags))].sort(), [data]);

  if (q.error) return <p className="notice error">Could not read the data: {String(q.error)}</p>;
  if (!data || !settings || !core || !peopleStats || !activity) return <Loading />;
  const view = { core, people: peopleStats, activity, names };

  const minSample = settings.minSample;
  const windowDays = settings.replyWindowDays;

  if (data.facts.threads.n === 0) {
    return (
      <section aria-label="Dashboard" className="insights">
        <div className="empty">
          <strong>Nothing logged yet</strong>
          Send a message from Gmail or LinkedIn with tracking on (Settings), and it appears here.
          <br />
          Moving from another machine? Use <em>Import JSON</em> in Settings.
        </div>
      </section>
    );
  }

  return (
    <section aria-label="Dashboard" className="insights">
      <div className="filters" role="group" aria-label="Filters">
        <label>
          <span className="sr-only">Date range</span>
          <select aria-label="Date range" value={range} onChange={(e) => setRange(e.target.value as RangeId)}>
            {RANGES.map((x) => (
              <option key={x.id} value={x.id}>
                {x.label}
              </option>
            ))}
          </select>
        </label>
        <select aria-label="Channel" value={channel} onChange={(e) => setChannel(e.target.value as Channel | '')}>
          <option value="">All channels</option>
          <option value="gmail">Gmail</option>
          <option value="linkedin">LinkedIn</option>
        </select>
        <select aria-label="Template tag" value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="">All template tags</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              #{t}
            </option>
          ))}
        </select>
        {range === 'custom' && (
          <span className="row">
            <input type="date" aria-label="From" value={custom.from} onChange={(e) => setCustom({ ...custom, from: e.target.value })} />
            <input type="date" aria-label="To" value={custom.to} onChange={(e) => setCustom({ ...custom, to: e.target.value })} />
          </span>
        )}
      </div>
      <p className="small muted filter-note">
        Threads are counted by their first message{from ? ` on or after ${dateText(from)}` : ''}. A reply counts within {windowDays} days of
        the first touch; below {minSample} threads a rate says “too early”.
      </p>

      {onPage && (
        // The Prospects tab opens the person that tab shows.
        <OnPageNotice onPage={onPage} onOpen={() => document.getElementById('tab-prospects')?.click()} />
      )}
      <Headline dash={view.core} windowDays={windowDays} />
      <ActivitySection activity={view.activity} scheduled={scheduledAhead(data.facts, now)} />
      {channel !== 'gmail' && <InvitationsSection facts={data.facts} now={now} pendingDays={settings.invitePendingDays} from={from} to={to} minSample={minSample} />}
      <ListsSection dash={view.core} names={view.names} windowDays={windowDays} />
      <TemplatesSection dash={view.core} minSample={minSample} />
      <TraitsSection dash={view.people} minSample={minSample} dimension={dimension} setDimension={setDimension} />
      <FunnelSection dash={view.people} />
      <CallsSection activity={view.activity} />
    </section>
  );
}

function Stat({ label, value, sub, testId, title }: { label: string; value: string; sub: string; testId: string; title: string }) {
  return (
    <div className="stat" data-testid={testId} title={title}>
      <div className="stat-label small muted">{label}</div>
      <div className="stat-value">{value}</div>
      <div className="stat-sub small muted">{sub}</div>
    </div>
  );
}

function Headline({ dash, windowDays }: { dash: DashboardCore; windowDays: number }) {
  const { prospectRate, threadRate, timeToReply, counts } = dash;
  return (
    <div className="card">
      <div className="stats">
        <Stat
          testId="prospect-rate"
          label="Prospect response rate"
          value={pct(prospectRate.rate)}
          sub={prospectRate.n ? `${prospectRate.k} of ${prospectRate.n} people` : 'no one contacted yet'}
          title={`People who replied at least once ÷ people contacted, across Gmail and LinkedIn (one person, one count). ${ciText(prospectRate)}`}
        />
        <Stat
          testId="thread-rate"
          label="Reply rate per thread"
          value={pct(threadRate.rate)}
          sub={threadRate.n ? `${threadRate.k} of ${threadRate.n} threads` : 'no threads yet'}
          title={`Threads you started that got a human reply within ${windowDays} days ÷ threads you started, bounced ones left out. ${ciText(threadRate)}`}
        />
        <Stat
          testId="median-reply"
          label="Median time to reply"
          value={duration(timeToReply.median)}
          sub={`over ${timeToReply.n} replies`}
          title="From your first message to their first reply, over threads replied within the window."
        />
      </div>
      <Info>
        {counts.threads} threads started; {counts.bounced} bounced (left out of rates), {counts.autoReplied} got only auto-replies or
        out-of-office (not replies), {counts.repliedLate} answered after the {windowDays}-day window.
      </Info>
      {timeToReply.n > 0 && (
        <div className="dist" aria-label="Time to reply distribution">
          {timeToReply.buckets.map((b) => (
            <div key={b.label} className="dist-col" title={`${b.count} replies in ${b.label}`}>
              <span className="dist-bar" style={{ height: `${(b.count / Math.max(...timeToReply.buckets.map((x) => x.count), 1)) * 100}%` }} />
              <span className="dist-label small muted">{b.label}</span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

function ActivitySection({ activity, scheduled }: { activity: Activity; scheduled: number }) {
  const [by, setBy] = useState<'day' | 'week'>(activity.days.length > 60 ? 'week' : 'day');
  const buckets = by === 'day' ? activity.days : activity.weeks;
  const labels = useMemo(() => buckets.map((b) => b.label.replace('Week of ', '')), [buckets]);
  const series = useMemo(
    () => [
      { label: 'Gmail', color: '--gmail', values: buckets.map((b) => b.gmail) },
      { label: 'LinkedIn', color: '--linkedin', values: buckets.map((b) => b.linkedin) },
    ],
    [buckets],
  );
  const { totals } = activity;
  return (
    <div className="card" aria-label="Activity">
      <div className="card-head">
        <h3>Activity</h3>
        <div className="seg" role="group" aria-label="Group by">
          <button aria-pressed={by === 'day'} onClick={() => setBy('day')}>
            Day
          </button>
          <button aria-pressed={by === 'week'} onClick={() => setBy('week')}>
            Week
          </button>
        </div>
      </div>
      <p className="small" data-testid="activity-totals">
        {totals.gmail + totals.linkedin} messages sent: {totals.gmail} Gmail, {totals.linkedin} LinkedIn
        {scheduled > 0 && (
          <span className="muted" data-testid="scheduled-ahead" title="Scheduled with Gmail's Schedule send: counted in every number once its time comes.">
            {' '}· {scheduled} scheduled, counted when due
          </span>
        )}
      </p>
      <BarChart title={`Messages sent per ${by}`} labels={labels} series={series} />
      <Info>Messages you sent (first touches, follow-ups and answers) per {by}, by channel. Calls are below.</Info>
    </div>
  );
}

function ListsSection({ dash, names, windowDays }: { dash: DashboardCore; names: Map<string, string>; windowDays: number }) {
  const [more, setMore] = useState({ a: false, f: false });
  const now = Date.now();
  const daysAgo = (ms: number) => {
    const d = Math.floor((now - ms) / DAY);
    return d === 0 ? 'today' : d === 1 ? 'yesterday' : `${d} days ago`;
  };
  const a = more.a ? dash.awaiting.slice(0, 100) : dash.awaiting.slice(0, 5);
  const f = more.f ? dash.followUps.slice(0, 100) : dash.followUps.slice(0, 5);
  return (
    <div className="card">
      <h3 data-testid="awaiting-count">Awaiting your answer ({dash.awaiting.length})</h3>
      {dash.awaiting.length === 0 ? (
        <p className="small muted">No reply is waiting for you.</p>
      ) : (
        <ul className="list">
          {a.map((x) => (
            <li key={x.threadId}>
              <span className={`ch ch-${x.channel}`}>{channelLabel(x.channel)}</span>
              <span className="list-main">{(x.prospectId && names.get(x.prospectId)) || x.subject || 'Unknown'}</span>
              <span className="small muted">replied {daysAgo(x.lastInboundAt)}</span>
            </li>
          ))}
        </ul>
      )}
      {dash.awaiting.length > 5 && !more.a && <button onClick={() => setMore({ ...more, a: true })}>Show more</button>}
      <Info>Threads whose last message is theirs (not an auto-reply): they wrote, you have not answered.</Info>

      <h3 data-testid="followup-count">Follow up ({dash.followUps.length})</h3>
      {dash.followUps.length === 0 ? (
        <p className="small muted">No thread is waiting for a follow-up.</p>
      ) : (
        <ul className="list">
          {f.map((x) => (
            <li key={x.threadId}>
              <span className={`ch ch-${x.channel}`}>{channelLabel(x.channel)}</span>
              <span className="list-main">{names.get(x.prospectId) ?? x.subject ?? 'Unknown'}</span>
              <span className="small muted">
                sent {daysAgo(x.lastOutboundAt)}, no answer{x.outboundCount > 1 ? ` (${x.outboundCount} messages)` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {dash.followUps.length > 5 && !more.f && <button onClick={() => setMore({ ...more, f: true })}>Show more</button>}
      <Info>Threads you started with no human answer, your last message 3 to {windowDays} days old. Oldest first.</Info>
    </div>
  );
}

function RateTable({ rows: all, testId, minSample, nameHeader }: { rows: GroupRate[]; testId: string; minSample: number; nameHeader: string }) {
  // Long lists (50 templates, hundreds of titles) start folded: the top 12, then "Show all".
  const [expanded, setExpanded] = useState(false);
  if (all.length === 0) return <p className="small muted">No data for these filters.</p>;
  // The "unknown" row stays visible when the list is folded: people without the trait are never hidden.
  const top = all.slice(0, 12);
  const unknown = all.find((r) => r.key === UNKNOWN);
  const rows = expanded ? all : unknown && !top.includes(unknown) ? [...top, unknown] : top;
  return (
    <>
    <table className="rates" data-testid={testId}>
      <thead>
        <tr>
          <th>{nameHeader}</th>
          <th>Reply rate</th>
          <th className="num">n</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} className={[r.n < minSample ? 'early' : '', r.key === UNKNOWN ? 'unknown' : ''].join(' ').trim() || undefined}>
            <th scope="row" title={r.label}>
              <span className="clip">{r.label}</span>
              <span className="verdict small">{verdictText(r.vsRest)}</span>
            </th>
            <td title={`${rateText(r)}; ${ciText(r)}`}>
              <span className="pct">{pct(r.rate)}</span>
              <RateBar rate={r} />
            </td>
            <td className="num">
              {r.k}/{r.n}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
    {all.length > rows.length && (
      <button className="small" onClick={() => setExpanded(true)}>
        Show all {all.length}
      </button>
    )}
    </>
  );
}

function TemplatesSection({ dash, minSample }: { dash: DashboardCore; minSample: number }) {
  const [view, setView] = useState<'first' | 'credit' | 'version' | 'step'>('first');
  const withTemplate = dash.templates.filter((t) => t.key !== '(none)');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const ra = dash.templates.find((t) => t.key === (a || withTemplate[0]?.key));
  const rb = dash.templates.find((t) => t.key === (b || withTemplate[1]?.key));
  return (
    <div className="card" aria-label="Templates">
      <div className="card-head">
        <h3>Templates</h3>
        <select aria-label="Template view" value={view} onChange={(e) => setView(e.target.value as typeof view)}>
          <option value="first">By first touch</option>
          <option value="credit">Which message got the reply</option>
          <option value="version">Per version</option>
          <option value="step">Per follow-up step</option>
        </select>
      </div>
      {view === 'first' && (
        <>
          <RateTable rows={dash.templates} testId="template-leaderboard" minSample={minSample} nameHeader="Template" />
          <Info>
            Threads whose first message used the template that got a reply ÷ threads whose first message used it. Whiskers: 95% Wilson
            interval. Each template is tested against all other threads.
          </Info>
        </>
      )}
      {view === 'credit' && (
        <>
          {dash.credit.length === 0 ? (
            <p className="small muted">No replies yet.</p>
          ) : (
            <table className="rates" data-testid="credit-table">
              <thead>
                <tr>
                  <th>Last message before the reply</th>
                  <th className="num">Replies</th>
                  <th className="num">Share</th>
                </tr>
              </thead>
              <tbody>
                {dash.credit.map((c) => (
                  <tr key={c.templateId}>
                    <th scope="row">
                      <span className="clip">{c.label}</span>
                    </th>
                    <td className="num">{c.replies}</td>
                    <td className="num">{pct(c.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <Info>Each reply is credited to the template of your last message before it: which follow-up actually got the answer.</Info>
        </>
      )}
      {view === 'version' && (
        <>
          <RateTable rows={dash.versions} testId="version-table" minSample={minSample} nameHeader="Template version" />
          <Info>First-touch reply rate for each version of a template (a version changes when its text is edited).</Info>
        </>
      )}
      {view === 'step' && (
        <>
          <table className="rates" data-testid="step-table">
            <thead>
              <tr>
                <th>Step</th>
                <th>Reply rate</th>
                <th className="num">n</th>
              </tr>
            </thead>
            <tbody>
              {dash.steps.map((s) => (
                <tr key={s.step}>
                  <th scope="row">{s.step === 1 ? 'First touch' : `Follow-up ${s.step - 1}`}</th>
                  <td title={ciText(s)}>
                    <span className="pct">{pct(s.rate)}</span>
                    <RateBar rate={s} />
                  </td>
                  <td className="num">
                    {s.k}/{s.n}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <Info>Replies to step s ÷ threads that sent step s before any reply came.</Info>
        </>
      )}
      {withTemplate.length >= 2 && (
        <div className="compare">
          <h4 className="small">Compare two templates</h4>
          <div className="row">
            <select aria-label="Template A" value={a || withTemplate[0].key} onChange={(e) => setA(e.target.value)}>
              {withTemplate.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
            <span className="muted">vs</span>
            <select aria-label="Template B" value={b || withTemplate[1].key} onChange={(e) => setB(e.target.value)}>
              {withTemplate.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.label}
                </option>
              ))}
            </select>
          </div>
          {ra && rb && (
            <p className="small" data-testid="compare-verdict">
              {ra.label}: {rateText(ra)} · {rb.label}: {rateText(rb)} → <strong>{verdictText(compareRates(ra, rb, minSample), rb.label)}</strong>
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function TraitsSection({
  dash,
  minSample,
  dimension,
  setDimension,
}: {
  dash: DashboardPeople;
  minSample: number;
  dimension: Dimension;
  setDimension: (d: Dimension) => void;
}) {
  const dimLabel = dash.dimensions.find((d) => d.key === dimension)?.label ?? dimension;
  const { cross } = dash;
  const cell = new Map(cross.cells.map((c) => [`${c.templateId}\u0000${c.value}`, c]));
  const labelOf = (d: Dimension) => dash.dimensions.find((x) => x.key === d)?.label ?? d;
  return (
    <div className="card" aria-label="Traits">
      <div className="card-head">
        <h3>Who replies</h3>
        <select aria-label="Trait" value={dimension} onChange={(e) => setDimension(e.target.value as Dimension)}>
          {dash.dimensions.map((d) => (
            <option key={d.key} value={d.key}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
      {dimension !== 'channel' && <CoverageLine coverage={dash.coverage} label={dimLabel} />}
      <RateTable rows={dash.byDimension} testId="trait-table" minSample={minSample} nameHeader={dimLabel} />
      <Info>
        Reply rate per thread, grouped by the {dimLabel.toLowerCase()} of the person written to; each value against all others. “unknown”: threads
        whose person has no {dimLabel.toLowerCase()} yet.
      </Info>

      <h4 className="small">Template × {dimLabel.toLowerCase()}</h4>
      {cross.templates.length === 0 ? (
        <p className="small muted">No data for these filters.</p>
      ) : (
        <div className="scroll-x">
          <table className="cross" data-testid="cross-table">
            <thead>
              <tr>
                <th>Template</th>
                {cross.values.map((v) => (
                  <th key={v.value} title={v.value === UNKNOWN ? UNKNOWN_LABEL : v.value}>
                    <span className={v.value === UNKNOWN ? 'clip unknown' : 'clip'}>{v.value === UNKNOWN ? UNKNOWN_LABEL : v.value}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {cross.templates.slice(0, 12).map((t) => (
                <tr key={t.id}>
                  <th scope="row" title={t.label}>
                    <span className="clip">{t.label}</span>
                  </th>
                  {cross.values.map((v) => {
                    const c = cell.get(`${t.id}\u0000${v.value}`);
                    return (
                      <td
                        key={v.value}
                        className={!c ? 'none' : c.n < minSample ? 'early' : ''}
                        title={c ? `${rateText(c)}; ${ciText(c)}` : 'no threads'}
                        style={c && c.n >= minSample ? { background: `rgba(47, 111, 223, ${Math.min(0.6, (c.rate ?? 0) * 1.2)})` } : undefined}
                      >
                        {c ? `${pct(c.rate)}` : '·'}
                        {c && <span className="small muted"> {c.n}</span>}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Info>Each cell: first-touch reply rate and n. Cells under {minSample} threads are greyed (too early).</Info>

      <h4 className="small">What the ones who answer have in common</h4>
      {dash.differences.length === 0 ? (
        <p className="small muted">Not enough replies yet.</p>
      ) : (
        <ul className="list diff" data-testid="differences">
          {dash.differences.map((d) => (
            <li key={`${d.dimension}:${d.value}`}>
              <span className="list-main">
                {labelOf(d.dimension)}: <strong>{d.dimension === 'channel' ? channelLabel(d.value) : d.value}</strong>
              </span>
              <span className="small">
                {pct(d.responders.rate)} of responders ({d.responders.k}/{d.responders.n}) vs {pct(d.nonResponders.rate)} of the others (
                {d.nonResponders.k}/{d.nonResponders.n}) · {verdictText(d.test, 'the others')}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Info>People who replied vs people contacted who did not: the traits whose share differs most.</Info>
    </div>
  );
}

/** "Industry known for 41% of 312 people contacted": how much of the table rests on known values. */
function CoverageLine({ coverage, label }: { coverage: TraitCoverage; label: string }) {
  const { people, known } = coverage;
  return (
    <p className="small coverage" data-testid="trait-coverage">
      {people === 0 ? (
        'No one contacted in these filters.'
      ) : (
        <>
          {label[0].toUpperCase() + label.slice(1)} known for <strong>{pct(known / people)}</strong> of {people} {people === 1 ? 'person' : 'people'} contacted
          {known < people && <span className="muted"> ({people - known} unknown)</span>}
        </>
      )}
    </p>
  );
}

function FunnelSection({ dash }: { dash: DashboardPeople }) {
  const [by, setBy] = useState<'template' | 'trait'>('template');
  const rows = by === 'template' ? dash.funnelByTemplate : dash.funnelByDimension;
  const top = dash.funnel.steps[0].count || 1;
  return (
    <div className="card" aria-label="Funnel">
      <h3>Funnel</h3>
      <ol className="funnel" data-testid="funnel">
        {dash.funnel.steps.map((s) => (
          <li key={s.step}>
            <span className="funnel-label">{s.step[0].toUpperCase() + s.step.slice(1)}</span>
            <span className="funnel-bar">
              <span style={{ width: `${(s.count / top) * 100}%` }} />
            </span>
            <span className="num">{s.count}</span>
            <span className="small muted conv">{s.conversion === null ? '' : pct(s.conversion)}</span>
          </li>
        ))}
      </ol>
      <p data-testid="revenue">
        Revenue won: <strong>{money(dash.funnel.revenue)}</strong> <span className="small muted">from {dash.funnel.wonCount} won</span>
      </p>
      <Info>People contacted, then how far each got (their stage; a reply counts as replied). % = share of the step before. Revenue = deal value of won people.</Info>
      <div className="card-head">
        <h4 className="small">Revenue by</h4>
        <div className="seg" role="group" aria-label="Revenue by">
          <button aria-pressed={by === 'template'} onClick={() => setBy('template')}>
            First-touch template
          </button>
          <button aria-pressed={by === 'trait'} onClick={() => setBy('trait')}>
            Selected trait
          </button>
        </div>
      </div>
      <table className="rates money" data-testid="revenue-table">
        <thead>
          <tr>
            <th>{by === 'template' ? 'Template' : 'Trait value'}</th>
            <th className="num" title="People contacted">People</th>
            <th className="num">Won</th>
            <th className="num">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 15).map((g) => (
            <tr key={g.key}>
              <th scope="row" title={g.label}>
                <span className="clip">{g.label}</span>
              </th>
              <td className="num">{g.contacted}</td>
              <td className="num">{g.wonCount}</td>
              <td className="num">{money(g.revenue)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CallsSection({ activity }: { activity: Activity }) {
  const { callTotals, connectRate } = activity;
  // A long range reads better by week (one bar a day is a hairline at 360 px).
  const calls = activity.calls.length > 60 ? activity.callWeeks : activity.calls;
  const labels = useMemo(() => calls.map((c) => c.label.replace('Week of ', '')), [calls]);
  const series = useMemo(
    () => [
      { label: 'Connected', color: '--good', values: calls.map((c) => c.connected) },
      { label: 'Not connected', color: '#b9c0ca', values: calls.map((c) => c.calls - c.connected) },
    ],
    [calls],
  );
  return (
    <div className="card" aria-label="Calls">
      <h3>Calls</h3>
      {callTotals.total === 0 ? (
        <p className="small muted">No calls logged in this period. Log a call from a prospect's page (Prospects tab).</p>
      ) : (
        <>
          <p data-testid="connect-rate">
            Connect rate <strong>{pct(connectRate.rate)}</strong>{' '}
            <span className="small muted">
              ({callTotals.connected} connected of {callTotals.total} calls; {callTotals.voicemail} voicemail, {callTotals['no-answer']} no answer)
            </span>
          </p>
          <BarChart title={activity.calls.length > 60 ? 'Calls per week' : 'Calls per day'} labels={labels} series={series} height={110} />
        </>
      )}
      <Info>Calls you logged by hand. Connect rate = calls connected ÷ calls made. {ciText(connectRate)}</Info>
    </div>
  );
}
