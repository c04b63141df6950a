import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import type { Class, DocumentedRoute } from './openapi-routes';

type Schema = Record<string, any>;

/** A calendar date as the DTOs check it (`@Matches(/^\d{4}-\d{2}-\d{2}$/)`). */
const DATE_PATTERN = String.raw`^\d{4}-\d{2}-\d{2}$`;

/**
 * What a class-validator rule says about the value, in JSON Schema words. @nestjs/swagger reads
 * these rules only through its CLI plugin, which our tsc build does not run: without this, the
 * document said nothing of the lengths, id patterns, instants and ranges the API refuses.
 * A value an `@ApiProperty` gave explicitly is kept.
 */
function constrain(s: Schema, array: Schema, rule: ValidationMetadata): void {
  const [c] = rule.constraints ?? [];
  switch (rule.name) {
    case 'maxLength': s.maxLength ??= c; break;
    case 'minLength': s.minLength ??= c; break;
    case 'isNotEmpty': if (s.type === 'string') s.minLength ??= 1; break;
    case 'matches': {
      const pattern = c instanceof RegExp ? c.source : String(c);
      s.pattern ??= pattern;
      if (pattern === DATE_PATTERN) s.format ??= 'date';
      break;
    }
    case 'isIso8601':
    case 'isDateString': s.format ??= 'date-time'; break;
    case 'min': s.minimum ??= c; break;
    case 'max': s.maximum ??= c; break;
    case 'isInt': if (s.type === 'number' || s.type === undefined) s.type = 'integer'; break;
    case 'isIn': if (Array.isArray(c) && !s.enum) s.enum = c; break;
    case 'arrayMaxSize': array.maxItems ??= c; break;
    case 'arrayMinSize': array.minItems ??= c; break;
  }
}

function constrainProperty(target: Schema | undefined, rules: ValidationMetadata[]): void {
  // A nested DTO ($ref, or allOf when nullable) is described by its own schema.
  if (!target || target.$ref || target.allOf) return;
  for (const rule of rules) {
    const s = rule.each && target.type === 'array' ? target.items : target;
    if (!s || s.$ref) continue;
    constrain(s, target, rule);
  }
}

function rulesByProperty(dto: Class): Map<string, ValidationMetadata[]> {
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of getMetadataStorage().getTargetValidationMetadatas(dto, '', false, false)) {
    byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
  }
  return byProperty;
}

/** Every class that carries class-validator rules, by name (as @nestjs/swagger names its schema); a name two classes share is left out. */
function validatedClasses(): Map<string, Class> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, unknown> };
  const byName = new Map<string, Class | null>();
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target !== 'function' || !target.name) continue;
    byName.set(target.name, byName.has(target.name) && byName.get(target.name) !== target ? null : (target as Class));
  }
  return new Map([...byName].filter((entry): entry is [string, Class] => entry[1] !== null));
}

/** Carries the DTOs' validation rules into the document: request bodies (components) and query parameters. */
export function documentConstraints(document: OpenAPIObject, routes: DocumentedRoute[]): OpenAPIObject {
  const classes = validatedClasses();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {}) as Array<[string, Schema]>) {
    const dto = classes.get(name);
    if (!dto || !schema.properties) continue;
    for (const [property, rules] of rulesByProperty(dto)) constrainProperty(schema.properties[property], rules);
  }
  for (const route of routes) {
    const op = (document.paths[route.path] as Record<string, Schema> | undefined)?.[route.method];
    if (!op || !route.queryDto) continue;
    const rules = rulesByProperty(route.queryDto);
    for (const param of op.parameters ?? []) {
      if (param.in === 'query') constrainProperty(param.schema, rules.get(param.name) ?? []);
    }
  }
  return document;
}
