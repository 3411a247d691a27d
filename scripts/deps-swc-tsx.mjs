// Preloaded by `npm run deps:check` / `deps:graph` (node --import): dependency-cruiser parses
// TypeScript with swc but never tells swc that a .tsx file holds JSX (its parse options carry a
// "TODO: tsx"), so every React file would fail to parse. This turns swc's `tsx` flag on for .tsx
// files only. It touches nothing outside that one process: no build or test loads it.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const swc = require('@swc/core');
const parseFileSync = swc.parseFileSync;
swc.parseFileSync = (file, options) => parseFileSync(file, { ...options, tsx: String(file).endsWith('.tsx') });
