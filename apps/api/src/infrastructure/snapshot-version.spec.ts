import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UpcasterRegistry } from '@jingsai/event-store';
import { foldingCodeVersion } from './snapshot-version';

describe('the version snapshots are kept under', () => {
  it('changes with the folding code and with nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jingsai-fold-'));
    try {
      writeFileSync(join(dir, 'project.evolve.js'), 'export const evolve = (s, e) => s;');
      writeFileSync(join(dir, 'project.evolve.spec.js'), 'test 1');
      const v1 = foldingCodeVersion([dir]);
      expect(foldingCodeVersion([dir])).toBe(v1);
      writeFileSync(join(dir, 'project.evolve.spec.js'), 'test 2');
      writeFileSync(join(dir, 'notes.md'), 'not code');
      expect(foldingCodeVersion([dir])).toBe(v1);
      writeFileSync(join(dir, 'project.evolve.js'), 'export const evolve = (s, e) => ({ ...s, n: 1 });');
      expect(foldingCodeVersion([dir])).not.toBe(v1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('changes with the upcasters the events are read through', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jingsai-fold-'));
    try {
      writeFileSync(join(dir, 'project.evolve.js'), 'export const evolve = (s, e) => s;');
      const none = new UpcasterRegistry();
      const one = () => new UpcasterRegistry().register({ type: 'ProgressReportFiled', fromVersion: 1, toVersion: 2, upcast: (d: any) => ({ ...d, narrative: '' }) });
      const other = new UpcasterRegistry().register({ type: 'ProgressReportFiled', fromVersion: 1, toVersion: 2, upcast: (d: any) => ({ ...d, narrative: '-' }) });
      const v0 = foldingCodeVersion([dir], [none.fingerprint()]);
      expect(foldingCodeVersion([dir], [one().fingerprint()])).not.toBe(v0);
      expect(foldingCodeVersion([dir], [one().fingerprint()])).toBe(foldingCodeVersion([dir], [one().fingerprint()]));
      expect(foldingCodeVersion([dir], [other.fingerprint()])).not.toBe(foldingCodeVersion([dir], [one().fingerprint()]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
