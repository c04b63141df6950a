import { Command } from 'commander';
import { once } from 'node:events';
import { createWriteStream, openSync, rmSync } from 'node:fs';
import { ExportSelection, csvChunks, describeSelection, exportPages, ndjsonChunks } from '@jingsai/audit';
import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { withAppContext } from '../cli-context';
import { rerunWithHeapCap } from '../bounded-heap';
import { progressBar } from '../progress';
import { streamNotFound } from './verify.command';

/** Old-space cap of an export (see rerunWithHeapCap): ample for one page of events. */
const EXPORT_HEAP_MB = 96;

interface ExportOptions {
  stream?: string;
  campaign?: string;
  all?: boolean;
  format: string;
  out?: string;
}

export function exportCommand(): Command {
  return new Command('export')
    .description('export history as NDJSON (verifiable offline, importable) or a CSV timeline (导出审计历史)')
    .option('--stream <streamId>', 'one stream, e.g. project-…')
    .option('--campaign <campaignId>', 'a campaign with its projects and award rounds')
    .option('--all', 'the whole log')
    .option('--format <format>', 'ndjson or csv', 'ndjson')
    .option('--out <file>', 'write to this file (default: standard output)')
    .action(async (o: ExportOptions) => {
      const selection = selectionOf(o);
      if (o.format !== 'ndjson' && o.format !== 'csv') throw new Error(`unknown format ${o.format}; use ndjson or csv`);
      const code = rerunWithHeapCap(EXPORT_HEAP_MB);
      if (code !== null) process.exit(code);
      await withAppContext(async (ctx) => {
        const store = ctx.get<EventStore>(EVENT_STORE);
        // A mistyped id would give an empty export that verifies "intact": a stream is refused before any file is written,
        // a campaign once nothing of it was found (a store may hold its projects without its stream: a county's import).
        if (selection.kind === 'stream' && (await store.streamRevision(selection.streamId)) === null) throw streamNotFound(selection.streamId);
        const bar = o.out ? progressBar(`export ${o.format}`) : null;
        const pages = exportPages(store, selection, { onProgress: (done, total) => bar?.update(done, total) });
        const chunks =
          o.format === 'csv' ? csvChunks(pages) : ndjsonChunks(pages, { exportedAt: new Date().toISOString(), filter: describeSelection(selection) });
        const out = o.out ? createWriteStream('', { fd: openOutput(o.out), encoding: 'utf8' }) : process.stdout;
        let events = 0;
        for await (const chunk of chunks) {
          events += chunk.split('\n').length - 1;
          // Respect back-pressure so memory stays bounded by one page.
          if (!out.write(chunk)) await once(out, 'drain');
        }
        bar?.stop();
        const lines = o.format === 'ndjson' ? events - 2 : events - 1;
        if (o.out) await new Promise<void>((resolve, reject) => (out as NodeJS.WritableStream).end((e?: Error | null) => (e ? reject(e) : resolve())));
        if (selection.kind === 'campaign' && lines === 0) {
          if (o.out) rmSync(o.out, { force: true });
          throw new Error(`campaign ${selection.campaignId} has no event in this log (竞赛活动 ${selection.campaignId} 在本日志中没有任何事件); nothing was exported`);
        }
        if (o.out) process.stderr.write(`exported ${lines} events to ${o.out}\n`);
        // A scan reads every page once: a page cache only adds to the memory a long export holds.
      }, { SQLITE_CACHE_MB: process.env.SQLITE_CACHE_MB ?? '2' }, { existingStore: true });
    });
}

function selectionOf(o: ExportOptions): ExportSelection {
  const given = [o.stream, o.campaign, o.all].filter((v) => v !== undefined && v !== false).length;
  if (given !== 1) throw new Error('give exactly one of --stream, --campaign or --all');
  if (o.stream) return { kind: 'stream', streamId: o.stream };
  if (o.campaign) return { kind: 'campaign', campaignId: o.campaign };
  return { kind: 'all' };
}

/**
 * The output file, opened before the export begins: a missing directory or a directory given as
 * the file was an unhandled stream error with a stack trace (review 41 #12).
 */
function openOutput(file: string): number {
  try {
    return openSync(file, 'w');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why: Record<string, string> = { ENOENT: '目录不存在', EISDIR: '这是一个目录，请给出文件名', EACCES: '没有写入权限', EROFS: '只读文件系统' };
    throw new Error(`cannot write ${file} (${why[code ?? ''] ?? code ?? '无法写入'}); nothing was exported`);
  }
}
