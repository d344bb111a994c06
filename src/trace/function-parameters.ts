// A function's parameters as data, whichever tracer made the trace: the `parameters` field, or
// for traces made before it existed, read once from the signature text. The one place that does.
import type { FunctionObject, Parameter } from './types.ts';

/** The top-level comma-separated parts of "(a, b=[1, 2], *, c=1)", brackets respected. */
function signatureParts(signature: string): string[] | undefined {
  const match = /^\((.*)\)(\s*->.*)?$/s.exec(signature);
  if (!match) return undefined;
  const parts: string[] = [];
  let depth = 0;
  let part = '';
  for (const ch of match[1]!) {
    if ('([{'.includes(ch)) depth++;
    if (')]}'.includes(ch)) depth--;
    if (ch === ',' && depth === 0) {
      parts.push(part.trim());
      part = '';
    } else part += ch;
  }
  parts.push(part.trim());
  return parts.filter(Boolean);
}

/** Parameters read from a signature's text; undefined when it is not one (the tracer's "(...)"). */
function parametersFromSignature(signature: string): Parameter[] | undefined {
  const parts = signatureParts(signature);
  if (!parts) return undefined;
  const parameters: Parameter[] = [];
  let keywordOnly = false;
  for (const part of parts) {
    if (part === '/') {
      for (const each of parameters) each.kind = 'positional-only';
      continue;
    }
    if (part === '*') {
      keywordOnly = true;
      continue;
    }
    const match = /^(\*{0,2})([A-Za-z_]\w*)\s*(?::[^=]*)?(=)?/.exec(part);
    if (!match) return undefined;
    const [, stars, name, equals] = match;
    if (stars === '*') {
      parameters.push({ name: name!, kind: 'var-positional' });
      keywordOnly = true;
      continue;
    }
    if (stars === '**') {
      parameters.push({ name: name!, kind: 'var-keyword' });
      continue;
    }
    parameters.push({
      name: name!,
      kind: keywordOnly ? 'keyword-only' : 'positional-or-keyword',
      ...(equals ? { default: true as const } : {}),
    });
  }
  return parameters;
}

/** The function's parameters in order, or undefined when the trace cannot say (no readable signature). */
export function parametersOf(fn: FunctionObject): Parameter[] | undefined {
  if (Array.isArray(fn.parameters)) return fn.parameters;
  return typeof fn.signature === 'string' ? parametersFromSignature(fn.signature) : undefined;
}

/**
 * "(a, b=…, /, *args, c, d=…, **kw)": the parameter list with each default shown as …, since a
 * default's value is drawn as a row of its own (and it may change while the program runs).
 */
export function parameterListText(parameters: Parameter[]): string {
  const words: string[] = [];
  parameters.forEach((parameter, index) => {
    if (
      parameter.kind === 'keyword-only' &&
      !parameters.slice(0, index).some((p) => p.kind === 'var-positional' || p.kind === 'keyword-only')
    )
      words.push('*');
    const prefix = parameter.kind === 'var-positional' ? '*' : parameter.kind === 'var-keyword' ? '**' : '';
    words.push(`${prefix}${parameter.name}${parameter.default ? '=…' : ''}`);
    if (parameter.kind === 'positional-only' && parameters[index + 1]?.kind !== 'positional-only') words.push('/');
  });
  return `(${words.join(', ')})`;
}
