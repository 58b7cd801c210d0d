import { resolve } from 'node:path';

/** The checkout's root: this file sits one level below it both as `src/` and as built `dist/`. */
export const projectRoot = resolve(__dirname, '..');
export const builtinKnowledgeDir = resolve(projectRoot, 'knowledge');
