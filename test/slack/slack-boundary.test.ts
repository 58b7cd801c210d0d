import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('the Slack SDK stays at the Slack edge', () => {
  it('is imported only under src/slack', () => {
    const offenders = files(SRC)
      .filter((f) => /from '@slack\/|require\('@slack\//.test(readFileSync(f, 'utf8')))
      .map((f) => relative(SRC, f))
      .filter((f) => !f.startsWith('slack/'));
    expect(offenders).toEqual([]);
  });

  it('src/slack imports nothing from other edges or from AWS', () => {
    const offenders = files(join(SRC, 'slack')).filter((f) => /from '(@aws-sdk|@microsoft)\/|from '\.\.\/(teams|console|aws)\//.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
