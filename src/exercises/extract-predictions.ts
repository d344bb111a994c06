// `# @predict NAME`, `# @predict output` and `# @predict freed` comments become exercises and leave the shown code.
// They trail a code line (never stand alone), so taking them out keeps every line number.
import { commentStart } from '../core/python-line.ts';
import type { ExerciseProblem, Prediction } from './types.ts';

const directive = /^#[ \t]*@predict\b[ \t]*(.*)$/;
const target = /^([A-Za-z_]\w*)[ \t]*(?::[ \t]*(.*))?$/u;

export interface ExtractedPredictions {
  code: string;
  predictions: Prediction[];
  problems: ExerciseProblem[];
}

export function extractPredictions(code: string): ExtractedPredictions {
  const predictions: Prediction[] = [];
  const problems: ExerciseProblem[] = [];
  const lines = code.split('\n').map((text, index) => {
    const line = index + 1;
    const hashAt = commentStart(text);
    if (hashAt < 0) return text;
    const match = directive.exec(text.slice(hashAt));
    if (!match) return text;
    const kept = text.slice(0, hashAt).trimEnd();
    if (kept.trim() === '') {
      problems.push({
        kind: 'exercise',
        line,
        message: '`# @predict` stands alone on its line',
        hint: 'put it at the end of the line it asks about, e.g. `b = b + [3]  # @predict b`',
      });
      return kept;
    }
    const parsed = target.exec(match[1]!.trim());
    if (!parsed) {
      problems.push({
        kind: 'exercise',
        line,
        message: `\`# @predict ${match[1]!.trim()}\` names no name`,
        hint:
          'write `# @predict NAME` (where will NAME point?), `# @predict output` (what will the line ' +
          'print?) or `# @predict freed` (which objects does it free?), optionally followed by `: your question`',
      });
      return kept;
    }
    const [, subject, wording] = parsed;
    const words = wording?.trim() ? { wording: wording.trim() } : {};
    predictions.push(
      subject === 'output' || subject === 'freed'
        ? { kind: subject, line, ...words }
        : { kind: 'pointer', line, name: subject!, ...words },
    );
    return kept;
  });
  return { code: lines.join('\n'), predictions, problems };
}
