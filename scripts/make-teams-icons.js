#!/usr/bin/env node
'use strict';
/**
 * Draws the two Teams app icons (no downloads): color.png 192×192 (full colour) and
 * outline.png 32×32 (white on transparent, as Teams requires). A shield with a keyhole.
 * Usage: node scripts/make-teams-icons.js [outDir]   (default manifest/teams)
 */
const { writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { writePng } = require('./lib/write-png');

/** Is (u, v) in unit coordinates (0..1) inside the shield, and inside its keyhole? */
function shape(u, v) {
  const halfWidth = v < 0.55 ? 0.36 : 0.36 * Math.sqrt(Math.max(0, 1 - ((v - 0.55) / 0.37) ** 2));
  const shield = v > 0.12 && v < 0.92 && Math.abs(u - 0.5) < halfWidth;
  const hole = (u - 0.5) ** 2 + (v - 0.42) ** 2 < 0.085 ** 2 || (Math.abs(u - 0.5) < 0.04 && v > 0.42 && v < 0.66);
  return { shield, hole };
}

/** 4×4 supersampling for smooth edges. */
function coverage(x, y, size, test) {
  let hits = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (test((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size)) hits++;
  return hits / 16;
}

function colorIcon(size = 192) {
  const ink = [35, 47, 62];
  const orange = [255, 153, 0];
  return writePng(size, size, (x, y) => {
    const c = coverage(x, y, size, (u, v) => {
      const s = shape(u, v);
      return s.shield && !s.hole;
    });
    return [...ink.map((k, i) => Math.round(k + (orange[i] - k) * c)), 255];
  });
}

function outlineIcon(size = 32) {
  return writePng(size, size, (x, y) => {
    const c = coverage(x, y, size, (u, v) => {
      const outer = shape(u, v).shield;
      const inner = shape(0.5 + (u - 0.5) / 0.8, 0.52 + (v - 0.52) / 0.8).shield;
      return (outer && !inner) || shape(u, v).hole;
    });
    return [255, 255, 255, Math.round(255 * c)];
  });
}

function makeIcons(outDir) {
  writeFileSync(join(outDir, 'color.png'), colorIcon());
  writeFileSync(join(outDir, 'outline.png'), outlineIcon());
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? join(__dirname, '..', 'manifest', 'teams'));
  makeIcons(outDir);
  process.stdout.write(`Wrote color.png and outline.png to ${outDir}\n`);
}

module.exports = { makeIcons, colorIcon, outlineIcon };
