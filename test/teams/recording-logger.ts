import type { Logger } from '../../src/core/ports/ports';

export interface LogEntry {
  level: 'debug' | 'info' | 'warn' | 'error';
  obj: object;
  msg: string;
}

/** A Logger that keeps what it is told, so tests can assert on log lines (and on what is never logged). */
export function recordingLogger(): { logger: Logger; entries: LogEntry[]; text(): string } {
  const entries: LogEntry[] = [];
  const make = (bindings: object): Logger => {
    const at =
      (level: LogEntry['level']) =>
      (obj: object | string, msg?: string): void => {
        entries.push(typeof obj === 'string' ? { level, obj: bindings, msg: obj } : { level, obj: { ...bindings, ...obj }, msg: msg ?? '' });
      };
    return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: (b) => make({ ...bindings, ...b }) };
  };
  return {
    logger: make({}),
    entries,
    text: () => entries.map((e) => `${e.level} ${e.msg} ${JSON.stringify(e.obj, (_k, v) => (v instanceof Error ? v.message : v))}`).join('\n'),
  };
}
