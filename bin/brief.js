#!/usr/bin/env node
// The command was bin/brief.js until 2026-11-30; npx keeps links to the old name in its cache
// (~/.npm/_npx), so this file stays and runs the command, bin/brief.cjs.
import { createRequire } from 'node:module';

createRequire(import.meta.url)('./brief.cjs');
