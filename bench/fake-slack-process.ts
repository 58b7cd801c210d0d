/**
 * The fake Slack Web API for slack-ack.bench.ts, in its own process so that recording answers does
 * not slow the load generator's clock. Prints `{"apiUrl": …}`; on the IPC message "count" replies
 * with how many answers landed per thread, on "reset" forgets them.
 */
import { FakeSlack } from '../test/helpers/fake-slack';

async function main(): Promise<void> {
  const fake = await new FakeSlack().start();
  process.on('message', (msg) => {
    if (msg === 'reset') {
      fake.calls.length = 0;
      process.send!({ reset: true });
    } else if (msg === 'count') {
      const perThread: Record<string, number> = {};
      for (const p of fake.posts()) perThread[String(p.args.thread_ts)] = (perThread[String(p.args.thread_ts)] ?? 0) + 1;
      process.send!({ perThread });
    }
  });
  process.once('disconnect', () => {
    if (process.env.BENCH_CPU) {
      const u = process.cpuUsage();
      process.stderr.write(`fake Slack cpu user ${(u.user / 1000).toFixed(0)} ms system ${(u.system / 1000).toFixed(0)} ms\n`);
    }
    void fake.close().then(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ apiUrl: fake.apiUrl })}\n`);
}

void main();
