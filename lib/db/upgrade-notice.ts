// Set in extension storage while a schema upgrade runs (lib/db/db.ts): every page waiting on the
// database (they all wait while one context upgrades) can say why instead of only "Loading…"
// (components/Loading.tsx). Cleared when the upgraded database is open. Free of Dexie: the popup's
// first chunk reads it.
export const UPGRADE_KEY = 'db:upgrading';

export interface UpgradeNotice {
  toVersion: number;
  startedAt: number;
}
