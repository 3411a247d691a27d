// The page readers as one object: the bundle the background injects on demand
// (entrypoints/linkedin-pages.ts, readers-source.ts), and what tests hand the capture directly.
import { readProfile } from './dom-read';
import { readCompanyPage, readInvitationCards } from './pages';
import type { PageReaders } from './readers-source';

export const pageReaders: PageReaders = { readProfile, readCompanyPage, readInvitationCards };
