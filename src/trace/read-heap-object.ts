// Turns a heap object of a trace's JSON into the typed HeapObject union, checking every field it keeps:
// the one place where unknown JSON becomes heap objects, with an error that names the object and field.
import type { Elided, HeapObject, Parameter, ParameterKind, Ref } from './types.ts';

/** A trace that does not have the shape of format v1; the message names the place and gives a hint. */
export class TraceShapeError extends TypeError {
  constructor(problem: string) {
    super(
      `memlane: not a trace v1: ${problem}\n` +
        'hint: pass the JSON printed by "memlane trace FILE.py" (see the trace format reference).',
    );
  }
}

const PARAMETER_KINDS: ReadonlySet<string> = new Set<ParameterKind>([
  'positional-only',
  'positional-or-keyword',
  'var-positional',
  'keyword-only',
  'var-keyword',
]);

type Json = Readonly<Record<string, unknown>>;

export const isJsonObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const isRef = (value: unknown): value is Ref => isJsonObject(value) && typeof value.ref === 'string';

export const isNamedRef = (value: unknown): value is [string, Ref] =>
  Array.isArray(value) && typeof value[0] === 'string' && isRef(value[1]);

const isRefPair = (value: unknown): value is [Ref, Ref] => Array.isArray(value) && isRef(value[0]) && isRef(value[1]);

const isParameter = (value: unknown): value is Parameter =>
  isJsonObject(value) &&
  typeof value.name === 'string' &&
  typeof value.kind === 'string' &&
  PARAMETER_KINDS.has(value.kind) &&
  (value.default === undefined || value.default === true);

const REF = '{"ref": id}';
const NAMED_REF = '["name", {"ref": id}]';
const REF_PAIR = '[{"ref": id}, {"ref": id}]';
const isString = (value: unknown): value is string => typeof value === 'string';
const isNumber = (value: unknown): value is number => typeof value === 'number';
const isTrue = (value: unknown): value is true => value === true;
const isElided = (value: unknown): value is Elided =>
  isJsonObject(value) && typeof value.at === 'number' && typeof value.count === 'number';

/** Reads the fields of one object, each checked; `at` is where the object is, e.g. "steps[3].heap.o7". */
function fieldReader(json: Json, at: string) {
  const shown = (value: unknown) => JSON.stringify(value)?.slice(0, 40);
  const fail = (field: string, wanted: string): never => {
    throw new TraceShapeError(`${at}.${field} is ${shown(json[field])}, not ${wanted}`);
  };
  /** The list in `field`, every item checked, or undefined when the field is absent. */
  const list = <T>(field: string, is: (item: unknown) => item is T, wanted: string): T[] | undefined => {
    const value = json[field];
    if (value === undefined) return undefined;
    if (!Array.isArray(value)) return fail(field, `a list of ${wanted}`);
    value.forEach((item, index) => {
      if (!is(item)) throw new TraceShapeError(`${at}.${field}[${index}] is ${shown(item)}, not ${wanted}`);
    });
    return value as T[];
  };
  /** `{field: value}` when the field is there and right, `{}` when absent: spread into the typed object. */
  const optional = <K extends string, T>(field: K, is: (value: unknown) => value is T, wanted: string) => {
    const value = json[field];
    if (value === undefined) return {};
    return (is(value) ? { [field]: value } : fail(field, wanted)) as { [P in K]?: T };
  };
  const optionalList = <K extends string, T>(field: K, is: (item: unknown) => item is T, wanted: string) => {
    const value = list(field, is, wanted);
    return (value ? { [field]: value } : {}) as { [P in K]?: T[] };
  };
  return { fail, list, optional, optionalList };
}

/** Post: a new typed object holding the checked fields of `json` (unknown extra fields are left out). */
function typedObject(json: Json, at: string): HeapObject {
  if (typeof json.type !== 'string') throw new TraceShapeError(`${at} needs a string type`);
  const { fail, list, optional, optionalList } = fieldReader(json, at);
  const base = { type: json.type, ...optional('unreachable', isTrue, 'true'), ...optional('immortal', isTrue, 'true') };
  const attrs = list('attrs', isNamedRef, NAMED_REF);
  switch (json.kind) {
    case 'instance':
      return {
        ...base,
        kind: 'instance',
        attrs: attrs ?? [],
        ...optionalList('items', isRef, REF),
        ...optionalList('entries', isRefPair, REF_PAIR),
      };
    case 'class':
      return {
        ...base,
        kind: 'class',
        attrs: attrs ?? [],
        ...optional('name', isString, 'a string'),
        ...optionalList('bases', isString, 'a string'),
      };
    case 'function':
      return {
        ...base,
        kind: 'function',
        attrs: attrs ?? [],
        ...optional('name', isString, 'a string'),
        ...optional('qualname', isString, 'a string'),
        ...optional('signature', isString, 'a string'),
        ...optionalList('parameters', isParameter, '{"name", "kind"} of a parameter'),
        ...optionalList('defaults', isRef, REF),
        ...optionalList('closure', isNamedRef, NAMED_REF),
        ...optional('madeIn', isString, 'a frame id'),
      };
    case 'method':
      return { ...base, kind: 'method', attrs: attrs ?? [] };
    case 'cell':
      return { ...base, kind: 'cell', attrs: attrs ?? [], ...optional('empty', isTrue, 'true') };
    case 'generator':
      return {
        ...base,
        kind: 'generator',
        locals: list('locals', isNamedRef, NAMED_REF) ?? [],
        ...optional('name', isString, 'a string'),
        ...optional('frame', isString, 'a frame id'),
        ...optional('state', isString, 'a string'),
        ...optional('line', isNumber, 'a number'),
      };
    case undefined:
      break;
    default:
      return fail('kind', 'one of instance, class, function, method, cell, generator');
  }
  // No kind: the fields say what it is, in the order the layout has always read them.
  const shortened = { ...optional('elided', isElided, '{"at", "count"}'), ...optional('length', isNumber, 'a number') };
  const entries = list('entries', isRefPair, REF_PAIR);
  if (entries) return { ...base, kind: 'dict', entries, ...shortened };
  const items = list('items', isRef, REF);
  if (items) return { ...base, kind: 'sequence', items, ...shortened };
  if (attrs) return { ...base, kind: 'namespace', attrs };
  if (typeof json.repr === 'string') {
    return { ...base, kind: 'scalar', repr: json.repr, ...optional('reprLength', isNumber, 'a number') };
  }
  throw new TraceShapeError(`${at} has no kind and none of repr, items, entries, attrs`);
}

/** Typed objects by the JSON object they were read from: every fold of one trace shares them. */
const typedByJson = new WeakMap<object, HeapObject>();

/**
 * Pre: `json` is a heap entry of a trace, at `at` (e.g. "steps[3].heap.o7"), for the error message.
 * Post: its typed form, the same object for the same JSON object every time (stages key maps by it).
 * Throws TraceShapeError naming the object and the field when a field has the wrong shape.
 */
export function readHeapObject(json: unknown, at: string): HeapObject {
  if (!isJsonObject(json)) throw new TraceShapeError(`${at} is not an object`);
  let typed = typedByJson.get(json);
  if (!typed) typedByJson.set(json, (typed = typedObject(json, at)));
  return typed;
}
