#!/usr/bin/env node
// `faultlines`: runs the CLI's TypeScript (src/engine/cli/main.ts) in this process through tsx's
// loader, on any Node the package supports (>= 20). See docs/decisions/cli-command.md.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/engine/cli/main.ts', import.meta.url).href);
