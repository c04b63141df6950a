/** Our stream categories (CONVENTIONS.md, "Streams"). */
export const DEFAULT_STREAM_PREFIXES: readonly string[] = ['organization-', 'campaign-', 'ranking-', 'project-', 'awardRound-', 'ruleSet-'];

export interface KurrentDbEventStoreOptions {
  /** e.g. `kurrentdb://localhost:2113?tls=false`, or `kurrentdb+discover://…` for a cluster. */
  connectionString: string;
  /**
   * The stream categories that make up our log: readAll, subscribeToAll and headPosition only see
   * streams starting with one of them (server-side filter). Default: our six categories.
   */
  streamPrefixes?: string[];
  /**
   * Prepended to every stream name inside KurrentDB and stripped again on read, so several
   * independent logs (test runs, tenants) can share one database. Default '' (none). Must not
   * start with '$' (system streams).
   */
  namespace?: string;
  /** Attempts for an append with expected revision 'any'/'stream_exists' that races another writer. Default 20. */
  maxAppendAttempts?: number;
}

export interface ResolvedKurrentDbOptions {
  streamPrefixes: string[];
  namespace: string;
  maxAppendAttempts: number;
}

export function resolveOptions(options: Omit<KurrentDbEventStoreOptions, 'connectionString'>): ResolvedKurrentDbOptions {
  const namespace = options.namespace ?? '';
  if (namespace.startsWith('$')) throw new Error(`namespace must not start with '$' (system streams): ${namespace}`);
  const streamPrefixes = [...(options.streamPrefixes ?? DEFAULT_STREAM_PREFIXES)];
  if (streamPrefixes.length === 0) throw new Error('streamPrefixes must name at least one stream category');
  return { streamPrefixes, namespace, maxAppendAttempts: options.maxAppendAttempts ?? 20 };
}
