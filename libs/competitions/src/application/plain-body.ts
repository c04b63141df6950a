/** A validated DTO as plain JSON data (no class instances, no undefined keys), fit for commands and events. */
export function plainBody<T>(body: T): T {
  return body === undefined || body === null ? body : (JSON.parse(JSON.stringify(body)) as T);
}
