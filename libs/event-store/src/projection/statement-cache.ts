import { Database } from './projection';

type Statement = ReturnType<Database['prepare']>;

/**
 * The same connection, with `prepare` answered from a bounded cache of compiled statements by
 * SQL text. Projections and read-model queries call `db.prepare(sql)` on every event and every
 * request; compiling the SQL again each time was a third of a rebuild's CPU. A cached reader is
 * handed back with pluck/expand/raw switched off, as a fresh statement would be.
 */
export function withStatementCache(db: Database, capacity = 1000): Database {
  const cache = new Map<string, Statement>();
  const prepare = (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      if (stmt.reader) stmt.pluck(false).expand(false).raw(false);
      return stmt;
    }
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  return new Proxy(db, {
    get(target, key) {
      if (key === 'prepare') return prepare;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
