import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
});
