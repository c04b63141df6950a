#!/usr/bin/env node
/*
 * Offline verification of a Jingsai NDJSON export (docs/audit.md). Needs only Node.js (>= 18),
 * no dependency, no access to the service:
 *
 *   node verify-export.js export.ndjson [--json]
 *
 * For every stream, in file order: revisions run 0, 1, 2, ...; each event's prevHash is the
 * previous event's hash (64 zeros for revision 0); and its hash equals
 *   sha256( prevHash || canonicalJson({streamId, revision, type, data, metadata without hash}) )
 * where canonicalJson sorts object keys (JavaScript's default sort) at every depth and writes
 * no whitespace. Global positions must increase and the end line must count every event.
 * Exit code 0: intact; 1: a broken link or a truncated file; 2: unreadable input.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const readline = require('readline');

const GENESIS = '0'.repeat(64);

function canonicalJson(value) {
  if (value === null) return 'null';
  if (Array.isArray(value)) return '[' + value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',') + ']';
  if (typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined && typeof value[k] !== 'function').sort();
    return '{' + keys.map((k) => JSON.stringify(k) + ':' + canonicalJson(value[k])).join(',') + '}';
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('non-finite number');
  return JSON.stringify(value);
}

function eventHash(prevHash, e) {
  const metadata = Object.assign({}, e.metadata);
  delete metadata.hash;
  const payload = canonicalJson({ streamId: e.streamId, revision: e.revision, type: e.type, data: e.data, metadata });
  return crypto.createHash('sha256').update(prevHash + payload, 'utf8').digest('hex');
}

/** Verifies the lines of an export; returns { ok, events, streams, brokenLinks, problems }. */
async function verifyExportLines(lines) {
  const chains = new Map();
  const brokenLinks = [];
  const problems = [];
  let header = null;
  let end = null;
  let events = 0;
  let lastPosition = 0;
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    if (raw.trim() === '') continue;
    let e;
    try {
      e = JSON.parse(raw);
    } catch (err) {
      problems.push(`line ${lineNo}: not JSON`);
      continue;
    }
    if (header === null) {
      if (e.format !== 'jingsai-export') problems.push(`line ${lineNo}: the first line is not a jingsai-export header`);
      header = e;
      if (e.format === 'jingsai-export') continue;
    }
    if (e.format === 'jingsai-export-end') {
      end = e;
      continue;
    }
    events++;
    const link = (problem, expected, found) => ({ streamId: e.streamId, revision: e.revision, position: e.position, line: lineNo, problem, expected: String(expected), found: String(found) });
    let chain = chains.get(e.streamId);
    if (!chain) chains.set(e.streamId, (chain = { next: 0, hash: GENESIS, broken: false }));
    if (!(e.position > lastPosition)) brokenLinks.push(link('position_order', `a position after ${lastPosition}`, e.position));
    lastPosition = Math.max(lastPosition, Number(e.position) || 0);
    if (chain.broken) continue;
    let problem = null;
    if (e.revision !== chain.next) problem = link('revision_gap', chain.next, e.revision);
    else if (!e.metadata || e.metadata.prevHash !== chain.hash) problem = link('prev_hash_mismatch', chain.hash, e.metadata && e.metadata.prevHash);
    else {
      const recomputed = eventHash(chain.hash, e);
      if (recomputed !== e.metadata.hash) problem = link('hash_mismatch', recomputed, e.metadata.hash);
    }
    if (problem) {
      chain.broken = true;
      brokenLinks.push(problem);
      continue;
    }
    chain.next = e.revision + 1;
    chain.hash = e.metadata.hash;
  }
  if (header === null) problems.push('empty file');
  if (end === null) problems.push('no end line: the file is truncated');
  else if (end.events !== events) problems.push(`the end line counts ${end.events} events, the file holds ${events}`);
  return { ok: brokenLinks.length === 0 && problems.length === 0, events, streams: chains.size, brokenLinks, problems };
}

function verifyExportFile(path) {
  const lines = readline.createInterface({ input: fs.createReadStream(path, 'utf8'), crlfDelay: Infinity });
  return verifyExportLines(lines);
}

async function main(argv) {
  const path = argv.find((a) => !a.startsWith('--'));
  if (!path) {
    process.stderr.write('usage: node verify-export.js <export.ndjson> [--json]\n');
    return 2;
  }
  let report;
  try {
    report = await verifyExportFile(path);
  } catch (err) {
    process.stderr.write(`cannot read ${path}: ${err.message}\n`);
    return 2;
  }
  if (argv.includes('--json')) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else {
    process.stdout.write(`${report.events} events in ${report.streams} streams: ${report.ok ? 'OK, intact (未发现篡改)' : 'NOT intact (发现异常)'}\n`);
    for (const b of report.brokenLinks) process.stdout.write(`  ${b.streamId}@${b.revision} (position ${b.position}, line ${b.line}): ${b.problem}; expected ${b.expected}, found ${b.found}\n`);
    for (const p of report.problems) process.stdout.write(`  ${p}\n`);
  }
  return report.ok ? 0 : 1;
}

module.exports = { canonicalJson, eventHash, verifyExportLines, verifyExportFile };

if (require.main === module) main(process.argv.slice(2)).then((code) => (process.exitCode = code));
