import { RecordedEvent } from '@jingsai/shared';

/**
 * Turns an event stored at `fromVersion` into the next version's shape. `toType` renames
 * the event when a type was renamed. Upcasters chain until no one matches.
 */
export interface Upcaster {
  type: string;
  fromVersion: number;
  toVersion: number;
  toType?: string;
  upcast(data: any): object;
}

/**
 * Registry of upcasters by (type, schemaVersion), applied at the read boundary (repository
 * loads and projection runner) so old events reach the domain in today's shape. The stored
 * event is never changed: audit and hash verification read the raw form.
 */
export class UpcasterRegistry {
  private readonly byKey = new Map<string, Upcaster>();
  /** Types some upcaster reads: another type's event is returned without reading its metadata (parsed lazily, see `StoredEvent`). */
  private readonly types = new Set<string>();

  register(...upcasters: Upcaster[]): this {
    for (const u of upcasters) {
      if (u.toVersion <= u.fromVersion) throw new Error(`upcaster for ${u.type} must raise the version`);
      const key = `${u.type}@${u.fromVersion}`;
      if (this.byKey.has(key)) throw new Error(`two upcasters for ${key}`);
      this.byKey.set(key, u);
      this.types.add(u.type);
    }
    return this;
  }

  get size(): number {
    return this.byKey.size;
  }

  /**
   * What the registered upcasters do, as text (keys, targets and code, in key order): state
   * folded from upcast events depends on it as much as on `evolve`, so whatever caches folded
   * state (persisted snapshots) must be versioned by it too.
   */
  fingerprint(): string {
    return [...this.byKey.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, u]) => `${key}>${u.toType ?? u.type}@${u.toVersion}:${u.upcast.toString()}`)
      .join('\n');
  }

  upcast<E extends RecordedEvent>(event: E): E {
    if (this.byKey.size === 0) return event;
    let current: RecordedEvent = event;
    for (let guard = 0; guard < 100; guard++) {
      if (!this.types.has(current.type)) return current as E;
      const u = this.byKey.get(`${current.type}@${current.metadata.schemaVersion ?? 1}`);
      if (!u) return current as E;
      current = {
        ...current,
        type: u.toType ?? current.type,
        data: u.upcast(current.data) as any,
        metadata: { ...current.metadata, schemaVersion: u.toVersion },
      };
    }
    throw new Error(`upcaster loop on ${event.type}`);
  }
}
