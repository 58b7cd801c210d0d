import type { Actor } from '../core/input';
import type { Store } from '../core/ports/store';
import { builtinKnowledgeDir } from '../paths';

/** What a CLI command may touch: output, files, the environment, and (for `report`, `examples`) the store. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): string;
  env: NodeJS.ProcessEnv;
  /** The store `report` and `examples export` read (default: the one DATABASE_URL / DATA_DIR configure). */
  openStore?: (env: NodeJS.ProcessEnv) => Promise<Store>;
}

/** Who runs CLI commands: the operator, allowed every lookup (platform `cli`). */
export const operator: Actor = { platform: 'cli', id: 'operator', name: 'CLI operator' };

/** The built-in knowledge directory, then KNOWLEDGE_DIRS (comma-separated). */
export function knowledgeDirs(env: NodeJS.ProcessEnv): string[] {
  const extra = (env.KNOWLEDGE_DIRS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return [builtinKnowledgeDir, ...extra];
}
