#!/usr/bin/env node
// Runs the TypeScript CLI through tsx so `npx newsbot` always runs the current source.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
