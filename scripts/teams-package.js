#!/usr/bin/env node
'use strict';
/**
 * npm run teams:package: builds teams-app.zip (manifest.json + the two icons) to upload to Teams
 * (Apps → Manage your apps → Upload an app, or the Teams admin center).
 * Reads TEAMS_APP_ID (the Azure Bot's app id, a GUID) and PUBLIC_URL (https, where this app runs).
 * Usage: node scripts/teams-package.js [out.zip]   Node only, no dependencies.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { writeZip } = require('./lib/write-zip');

const MANIFEST_DIR = join(__dirname, '..', 'manifest', 'teams');
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

class PackageError extends Error {}

/** PNG width and height from the IHDR chunk; throws when the file is not a PNG. */
function pngSize(buf, name) {
  if (buf.length < 24 || buf.readUInt32BE(0) !== 0x89504e47 || buf.toString('ascii', 12, 16) !== 'IHDR') throw new PackageError(`${name} is not a PNG file`);
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function buildPackage(env) {
  const problems = [];
  const appId = (env.TEAMS_APP_ID || '').trim();
  if (!appId) problems.push('TEAMS_APP_ID: required (the Azure Bot registration app id, a GUID)');
  else if (!GUID.test(appId)) problems.push('TEAMS_APP_ID: must be a GUID like 00000000-0000-0000-0000-000000000000');
  let publicUrl;
  try {
    publicUrl = new URL((env.PUBLIC_URL || '').trim());
    if (publicUrl.protocol !== 'https:') throw new Error('not https');
  } catch {
    problems.push('PUBLIC_URL: required, an https URL where this app is reachable (used for the manifest links and validDomains)');
  }
  if (problems.length) throw new PackageError(problems.join('\n'));

  const template = readFileSync(join(MANIFEST_DIR, 'manifest.json'), 'utf8');
  const values = { TEAMS_APP_ID: appId.toLowerCase(), PUBLIC_URL: publicUrl.origin + publicUrl.pathname.replace(/\/+$/, ''), PUBLIC_HOST: publicUrl.host };
  const filled = template.replace(/\{\{(\w+)\}\}/g, (whole, key) => {
    if (!(key in values)) throw new PackageError(`manifest.json has an unknown placeholder ${whole}`);
    return values[key];
  });
  const manifest = JSON.parse(filled);
  const icons = [
    ['color.png', manifest.icons.color, 192],
    ['outline.png', manifest.icons.outline, 32],
  ].map(([label, file, size]) => {
    const data = readFileSync(join(MANIFEST_DIR, file));
    const { width, height } = pngSize(data, label);
    if (width !== size || height !== size) throw new PackageError(`${label} must be ${size}×${size} pixels, is ${width}×${height}`);
    return { name: file, data };
  });
  return writeZip([{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2)) }, ...icons]);
}

if (require.main === module) {
  const out = resolve(process.argv[2] || 'teams-app.zip');
  try {
    writeFileSync(out, buildPackage(process.env));
    process.stdout.write(`Wrote ${out}. Upload it in Teams: Apps → Manage your apps → Upload an app.\n`);
  } catch (err) {
    if (!(err instanceof PackageError)) throw err;
    process.stderr.write(`teams:package: ${err.message}\n`);
    process.exit(2);
  }
}

module.exports = { buildPackage, PackageError };
