#!/usr/bin/env node
// The `kpw` command: runs the TypeScript command-line tool through tsx, so the command always
// matches the source with no build step (`npx kpw --help` right after `npm install`).
import { register } from 'tsx/esm/api';

register();
await import('./kpw.ts');
