// Diagram options from a fence's meta (```python memory step=3 title="...") or <MemoryDiagram> props,
// validated once against one schema so both ways of writing a diagram accept exactly the same things.
import { Ajv, type ErrorObject } from 'ajv';
import type { DiagramOptions } from './types.ts';
import { editDistance } from '../hints/edit-distance.ts';

const identifierList = '^[A-Za-z_][A-Za-z0-9_]*(,[A-Za-z_][A-Za-z0-9_]*)*$';

/** Every option as authors write it (strings), with the hint shown when a value is wrong. */
const optionSpecs = {
  step: { schema: { type: 'string', pattern: '^(first|last|[1-9][0-9]{0,5})$' }, hint: 'step=last, step=first or a step number such as step=4' },
  scalars: { schema: { enum: ['heap', 'inline'] }, hint: 'scalars=heap (every value an object) or scalars=inline (ints, strs... drawn inside their slot)' },
  hide: { schema: { type: 'string', pattern: identifierList }, hint: 'a comma-separated list of Python names without spaces, e.g. hide=tmp,i' },
  exited: { schema: { enum: ['show', 'hide'] }, hint: 'exited=show keeps returned frames (faded), exited=hide drops them' },
  raises: { schema: { type: 'string', pattern: '^[A-Za-z_][A-Za-z0-9_.]*$' }, hint: 'the exception type the snippet is expected to end with, e.g. raises=TypeError' },
  title: { schema: { type: 'string', minLength: 1, maxLength: 200 }, hint: 'a short title in quotes, e.g. title="Two names, one list"' },
  theme: { schema: { enum: ['site', 'sketch'] }, hint: 'theme=site (follows light/dark mode) or theme=sketch (hand-drawn)' },
  'max-steps': { schema: { type: 'string', pattern: '^[1-9][0-9]{0,5}$' }, hint: 'a whole number of steps from 1 to 999999, e.g. max-steps=2000' },
  id: { schema: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,63}$' }, hint: 'lowercase letters, digits and dashes, starting with a letter, e.g. id=aliasing' },
} as const;

type OptionName = keyof typeof optionSpecs;
export const optionNames = Object.keys(optionSpecs) as OptionName[];

const validateRaw = new Ajv({ allErrors: false, strict: true }).compile<Record<string, string>>({
  type: 'object',
  additionalProperties: false,
  properties: Object.fromEntries(optionNames.map((name) => [name, optionSpecs[name].schema])),
});

/** A mistake in a diagram's options; `hint` says what would be accepted. */
export class DiagramOptionError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
    this.name = 'DiagramOptionError';
  }
}

export const defaultDiagramOptions: DiagramOptions = {
  step: 'last', scalars: 'heap', hide: [], exited: 'hide', raises: null, title: null, theme: 'site', maxSteps: 1000, id: null,
};

/** Splits a fence meta such as `memory step=3 title="Two names"` into key/value strings. */
export function parseFenceMeta(meta: string): Record<string, string> {
  const options: Record<string, string> = {};
  const token = /\s*([^\s=]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']*)))?/y;
  let rest = meta.trim();
  if (!/^memory(\s|$)/.test(rest)) throw new DiagramOptionError(`the fence meta must start with "memory", got "${meta}"`, 'write ```python memory key=value ...');
  rest = rest.slice('memory'.length);
  token.lastIndex = 0;
  while (token.lastIndex < rest.length) {
    const start = token.lastIndex;
    const match = token.exec(rest);
    if (!match || match[0].trim() === '') {
      if (rest.slice(start).trim() === '') break;
      throw new DiagramOptionError(`cannot read "${rest.slice(start).trim()}" in the fence meta`, 'options are key=value; quote values with spaces: title="Two names"');
    }
    const [, key, doubleQuoted, singleQuoted, bare] = match;
    const value = doubleQuoted ?? singleQuoted ?? bare;
    if (value === undefined) {
      if (key! in optionSpecs) throw new DiagramOptionError(`"${key}" has no value`, `write ${key}=value; ${hintFor(key!)}`);
      throw new DiagramOptionError(`cannot read "${key}" in the fence meta: options are key=value`, 'lists take no spaces (hide=a,b); quote values that have spaces (title="Two names")');
    }
    if (key! in options) throw new DiagramOptionError(`"${key}" is given twice`, 'keep one of them');
    if (value === '' && doubleQuoted === undefined && singleQuoted === undefined) {
      throw new DiagramOptionError(`"${key}=" has no value`, hintFor(key!));
    }
    options[key!] = value;
  }
  return options;
}

/** Turns component props (camelCase or dashed, strings, numbers, arrays, booleans) into the same strings a fence has. */
export function propsToRawOptions(props: Record<string, unknown>): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null) continue;
    const name = key === 'maxSteps' ? 'max-steps' : key;
    if (Array.isArray(value)) raw[name] = value.map(String).join(',');
    else if (typeof value === 'boolean' && name === 'exited') raw[name] = value ? 'show' : 'hide';
    else raw[name] = String(value);
  }
  return raw;
}

/** Validates raw option strings and fills in defaults; throws DiagramOptionError with a hint. */
export function resolveDiagramOptions(raw: Record<string, string>, defaults: Partial<DiagramOptions> = {}): DiagramOptions {
  if (!validateRaw(raw)) throw errorFromSchema(validateRaw.errors?.[0], raw);
  const options: DiagramOptions = { ...defaultDiagramOptions, ...defaults };
  if (raw.step !== undefined) options.step = raw.step === 'first' || raw.step === 'last' ? raw.step : Number(raw.step);
  if (raw.scalars !== undefined) options.scalars = raw.scalars as DiagramOptions['scalars'];
  if (raw.hide !== undefined) options.hide = raw.hide.split(',');
  if (raw.exited !== undefined) options.exited = raw.exited as DiagramOptions['exited'];
  if (raw.raises !== undefined) options.raises = raw.raises;
  if (raw.title !== undefined) options.title = raw.title;
  if (raw.theme !== undefined) options.theme = raw.theme as DiagramOptions['theme'];
  if (raw['max-steps'] !== undefined) options.maxSteps = Number(raw['max-steps']);
  if (raw.id !== undefined) options.id = raw.id;
  return options;
}

function errorFromSchema(error: ErrorObject | undefined, raw: Record<string, string>): DiagramOptionError {
  if (error?.keyword === 'additionalProperties') {
    const unknown = String(error.params.additionalProperty);
    const near = nearestName(unknown);
    return new DiagramOptionError(
      `unknown diagram option "${unknown}"`,
      `${near ? `did you mean "${near}"? ` : ''}known options: ${optionNames.join(', ')}`,
    );
  }
  const key = (error?.instancePath ?? '').replace(/^\//, '').replace(/~1/g, '/');
  return new DiagramOptionError(`bad value for "${key}": "${raw[key] ?? ''}"`, hintFor(key));
}

function hintFor(key: string): string {
  return key in optionSpecs ? `use ${optionSpecs[key as OptionName].hint}` : `known options: ${optionNames.join(', ')}`;
}

function nearestName(name: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const candidate of [...optionNames, 'maxSteps']) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name: candidate === 'maxSteps' ? 'max-steps' : candidate, distance };
  }
  return best?.name;
}

