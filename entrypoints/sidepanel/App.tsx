import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { createQueryClient, followDbChanges } from '@/lib/insights/query-client';
import { DashboardView } from '@/components/views/DashboardView';
import { ProspectsView } from '@/components/views/ProspectsView';
import { TemplatesView } from '@/components/views/TemplatesView';
import { SettingsView } from '@/components/views/SettingsView';

const TABS = [
  { id: 'dashboard', label: 'Dashboard', View: DashboardView },
  { id: 'prospects', label: 'Prospects', View: ProspectsView },
  { id: 'templates', label: 'Templates', View: TemplatesView },
  { id: 'settings', label: 'Settings', View: SettingsView },
] as const;
type TabId = (typeof TABS)[number]['id'];

const queryClient = createQueryClient();

export function App() {
  const [tab, setTab] = useState<TabId>(() => {
    const fromHash = location.hash.slice(1) as TabId;
    return TABS.some((t) => t.id === fromHash) ? fromHash : 'dashboard';
  });
  // Every read comes from Dexie through react-query (keys: lib/insights/query-keys.ts); a "db
  // changed" notification marks them stale, once per burst of captures.
  useEffect(() => followDbChanges(queryClient), []);
  useEffect(() => {
    history.replaceState(null, '', `#${tab}`);
  }, [tab]);

  const onKey = (e: React.KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    if (e.key === 'ArrowRight') setTab(TABS[(i + 1) % TABS.length].id);
    if (e.key === 'ArrowLeft') setTab(TABS[(i - 1 + TABS.length) % TABS.length].id);
  };
  const active = TABS.find((t) => t.id === tab)!;
  return (
    <QueryClientProvider client={queryClient}>
      <div className="app">
        <header className="app-header">
          <span className="brand">Sidelog</span>
          <span className="muted small">your outreach, on your machine</span>
        </header>
        <nav className="tabs" role="tablist" aria-label="Sidelog sections" onKeyDown={onKey}>
          {TABS.map((t) => (
            <button
              key={t.id}
              role="tab"
              id={`tab-${t.id}`}
              aria-selected={t.id === tab}
              aria-controls={`panel-${t.id}`}
              tabIndex={t.id === tab ? 0 : -1}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </nav>
        <main className="view" role="tabpanel" id={`panel-${active.id}`} aria-labelledby={`tab-${active.id}`}>
          <active.View />
        </main>
      </div>
    </QueryClientProvider>
  );
}
