import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../lib/project-root.ts';

/** package.json's version, written into every backup. */
export const tandemVersion = (
  JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }
).version;
