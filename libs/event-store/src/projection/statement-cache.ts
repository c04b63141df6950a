import { Database } from './projection';

type Statement = ReturnType<Database['prepare']>;

/**
 * The same connection, with `prepare` answered from a bounded cache of compiled statements by
 * SQL text. Projections and read-model queries call `db.prepare(sql)` on every event and every
 * request; compiling the SQL again each time was a third of a rebuild's CPU. A cached reader is
 * handed back with pluck/expand/raw switched off, as a fresh statement would be.
 *
 * The connection's own `prepare` is replaced (an own property in front of the prototype's): a
 * Proxy around it cost a trap on every property read and a new bound function for every other
 * method call, on millions of calls in a rebuild.
 */
export function withStatementCache(db: Database, capacity = 1000): Database {
  const cache = new Map<string, Statement>();
  const compile = db.prepare.bind(db) as (sql: string) => Statement;
  const prepare = (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      if (stmt.reader) stmt.pluck(false).expand(false).raw(false);
      return stmt;
    }
    stmt = compile(sql);
    cache.set(sql, stmt);
    if (cache.size > capacity) cache.delete(cache.keys().next().value!);
    return stmt;
  };
  Object.defineProperty(db, 'prepare', { value: prepare, configurable: true, writable: true, enumerable: false });
  return db;
}
