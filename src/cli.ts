import { processIo, runCli } from './cli/run-cli';

runCli(process.argv.slice(2), processIo).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`cli failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  },
);
