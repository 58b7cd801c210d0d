import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateSync } from 'node:zlib';
import { NOTE_PARAMETER, SEARCH_COMMAND_ID, SEARCH_PARAMETER, TROUBLESHOOT_COMMAND_ID } from '../../src/teams/message-extension-ids';

const ROOT = join(__dirname, '..', '..');
const SCRIPT = join(ROOT, 'scripts', 'teams-package.js');
const APP_ID = '0a1b2c3d-1111-4222-8333-444455556666';

/** Reads a PNG with Node's own zlib (independent of our writer): size, CRCs checked, RGBA pixels. */
function readPng(file: string) {
  const buf = readFileSync(file);
  expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let pos = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const type = buf.toString('ascii', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    expect(buf.readUInt32BE(pos + 8 + len)).toBe(crc32(buf.subarray(pos + 4, pos + 8 + len)));
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect([...data.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  expect(raw.length).toBe((width * 4 + 1) * height);
  const pixels: number[][] = [];
  for (let y = 0; y < height; y++) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    for (let x = 0; x < width; x++) pixels.push([...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)]);
  }
  return { width, height, pixels };
}

/** Lists and reads the zip with Python's zipfile (an independent reader that checks every CRC). */
function readZip(file: string): { names: string[]; manifest: any } {
  const out = execFileSync('python3', ['-c', 'import sys,zipfile,json; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(json.dumps({"names": z.namelist(), "manifest": json.loads(z.read("manifest.json"))}))', file], { encoding: 'utf8' });
  return JSON.parse(out);
}

describe('Teams app package (npm run teams:package)', () => {
  it('ships valid icons: color 192×192 opaque, outline 32×32 white on transparent', () => {
    const color = readPng(join(ROOT, 'manifest', 'teams', 'color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixels.every((p) => p[3] === 255)).toBe(true);
    const outline = readPng(join(ROOT, 'manifest', 'teams', 'outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.pixels.every(([r, g, b]) => r === 255 && g === 255 && b === 255)).toBe(true);
    expect(outline.pixels.some((p) => p[3] === 0)).toBe(true);
    expect(outline.pixels.some((p) => p[3] === 255)).toBe(true);
  });

  it('ships the icons the generator draws (they can be rebuilt, not hand-edited)', () => {
    const { colorIcon, outlineIcon } = require(join(ROOT, 'scripts', 'make-teams-icons.js')) as { colorIcon(): Buffer; outlineIcon(): Buffer };
    expect(colorIcon().equals(readFileSync(join(ROOT, 'manifest', 'teams', 'color.png')))).toBe(true);
    expect(outlineIcon().equals(readFileSync(join(ROOT, 'manifest', 'teams', 'outline.png')))).toBe(true);
  });

  it('builds a zip with the app id substituted, a 1.17 manifest, all scopes and the command menu', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-pkg-')), 'teams-app.zip');
    execFileSync(process.execPath, [SCRIPT, out], { env: { PATH: process.env.PATH, TEAMS_APP_ID: APP_ID.toUpperCase(), PUBLIC_URL: 'https://idc.example.org/bot/' } });
    const { names, manifest } = readZip(out);
    expect(names).toEqual(['manifest.json', 'color.png', 'outline.png']);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(manifest).toMatchObject({ manifestVersion: '1.17', id: APP_ID, validDomains: ['idc.example.org'], developer: { websiteUrl: 'https://idc.example.org/bot' } });
    expect(manifest.$schema).toMatch(/v1\.17\/MicrosoftTeams\.schema\.json$/);
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    const [bot] = manifest.bots;
    expect(bot).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] });
    const commands: Array<{ title: string; description: string }> = bot.commandLists[0].commands;
    expect(commands.map((c) => c.title)).toEqual(expect.arrayContaining(['help', 'ask', 'check user', 'check saml', 'check scim', 'trail', 'escalate', 'escalations', 'kb']));
    expect(commands.length).toBeLessThanOrEqual(10);
    for (const c of commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
    }
  });

  it('declares exactly the message extension commands the code handles: search (compose, command bar) and the message action', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'teams-pkg-')), 'teams-app.zip');
    execFileSync(process.execPath, [SCRIPT, out], { env: { PATH: process.env.PATH, TEAMS_APP_ID: APP_ID, PUBLIC_URL: 'https://idc.example.org' } });
    const { manifest } = readZip(out);
    expect(manifest.composeExtensions).toHaveLength(1);
    const [extension] = manifest.composeExtensions;
    expect(extension.botId).toBe(APP_ID);
    const commands: Array<Record<string, any>> = extension.commands;
    expect(commands.map((c) => [c.id, c.type])).toEqual([
      [SEARCH_COMMAND_ID, 'query'],
      [TROUBLESHOOT_COMMAND_ID, 'action'],
    ]);
    const [search, action] = commands;
    expect(search).toMatchObject({ initialRun: true, context: ['compose', 'commandBox'] });
    expect(search!.parameters.map((p: { name: string }) => p.name)).toEqual([SEARCH_PARAMETER]);
    // fetchTask false: Teams shows the static form and sends composeExtension/submitAction, which the code answers.
    expect(action).toMatchObject({ context: ['message'], fetchTask: false, title: 'Troubleshoot this' });
    expect(action!.parameters.map((p: { name: string }) => p.name)).toEqual([NOTE_PARAMETER]);
    for (const c of commands) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
      for (const p of c.parameters) {
        expect(p.title.length).toBeLessThanOrEqual(32);
        expect(p.description.length).toBeLessThanOrEqual(128);
      }
    }
  });

  it('refuses to build without a GUID app id and an https PUBLIC_URL, naming both', () => {
    const run = spawnSync(process.execPath, [SCRIPT, join(tmpdir(), 'never.zip')], { env: { PATH: process.env.PATH, TEAMS_APP_ID: 'my-bot', PUBLIC_URL: 'http://plain.example' }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/TEAMS_APP_ID: must be a GUID/);
    expect(run.stderr).toMatch(/PUBLIC_URL: required, an https URL/);
  });
});
