import { RecordedEvent } from '@jingsai/shared';
import { EXPORT_END, EXPORT_FORMAT, EXPORT_VERSION } from './export-formats';

/** Where imported events go (the SQLite adapter's `SqliteEventImport`). */
export interface ImportSink {
  begin(): void;
  add(event: RecordedEvent): void;
  commit(): { events: number; streams: number };
  rollback(): void;
}

export class ImportFileError extends Error {
  constructor(readonly line: number, reason: string) {
    super(`line ${line}: ${reason}`);
    this.name = 'ImportFileError';
  }
}

/**
 * Reads an NDJSON export line by line into the sink, in one transaction: the header must name
 * our format and version, every event line goes to the sink (which checks the chain), and the
 * end line's count must match, so a truncated file imports nothing.
 */
export async function importNdjson(lines: AsyncIterable<string> | Iterable<string>, sink: ImportSink, onProgress?: (events: number) => void): Promise<{ events: number; streams: number }> {
  let lineNo = 0;
  let header = false;
  let ended: number | null = null;
  let events = 0;
  sink.begin();
  try {
    for await (const raw of lines) {
      lineNo++;
      const line = raw.trim();
      if (line === '') continue;
      if (ended !== null) throw new ImportFileError(lineNo, 'content after the end line');
      let value: any;
      try {
        value = JSON.parse(line);
      } catch (e) {
        throw new ImportFileError(lineNo, `not JSON (${(e as Error).message})`);
      }
      if (!header) {
        if (value?.format !== EXPORT_FORMAT || value?.version !== EXPORT_VERSION) {
          throw new ImportFileError(lineNo, `the first line must be the header {"format":"${EXPORT_FORMAT}","version":${EXPORT_VERSION},…}`);
        }
        header = true;
        continue;
      }
      if (value?.format === EXPORT_END) {
        ended = Number(value.events);
        continue;
      }
      sink.add(value as RecordedEvent);
      events++;
      if (events % 1000 === 0) onProgress?.(events);
    }
    if (!header) throw new ImportFileError(lineNo, 'empty file: no export header');
    if (ended === null) throw new ImportFileError(lineNo, 'the end line is missing: the file is truncated');
    if (ended !== events) throw new ImportFileError(lineNo, `the end line counts ${ended} events but the file holds ${events}`);
    const result = sink.commit();
    onProgress?.(events);
    return result;
  } catch (e) {
    sink.rollback();
    throw e;
  }
}
