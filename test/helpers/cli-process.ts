import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { CliIo } from '../../src/cli/run-cli';
import { projectRoot } from '../../src/paths';

const run = promisify(execFile);

/** Runs the real CLI (`npm run cli` = tsx src/cli.ts) in a child process with only `env`. */
export async function cli(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 30_000): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(join(projectRoot, 'node_modules', '.bin', 'tsx'), [join(projectRoot, 'src', 'cli.ts'), ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      cwd: projectRoot,
      timeout: timeoutMs,
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A CliIo that keeps what the command writes. */
export function memoryIo(env: NodeJS.ProcessEnv = {}): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    env,
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
    readFile: () => '',
  };
  return io;
}
