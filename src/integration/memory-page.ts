// One page's memory fences, whatever parses the Markdown: which fences are diagrams, their ids
// (unique in the page), their lines in the file on disk, and their problems, shown in their place.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { readFenceMeta } from '../core/index.ts';
import { SnippetError } from './snippet-error.ts';
import { diagramOrProblem } from './snippet-problems.ts';
import { snippetToDiagram, type PipelineSettings } from './snippet-to-diagram.ts';

export interface MemoryPageOptions {
  settings: PipelineSettings;
  /** Project root, to print page paths relative to it. */
  root: string;
}

/** A fenced code block as both Markdown processors give it. */
export interface Fence {
  lang?: string | null;
  meta?: string | null;
  value: string;
  /** 1-based line of the opening fence in the parsed text. */
  line: number;
}

export function isMemoryFence(node: { lang?: string | null; meta?: string | null }): boolean {
  return node.lang === 'python' && /^memory(\s|$)/.test(node.meta ?? '');
}

/** Lines before the parsed text in the file on disk: Markdown entries may be parsed without their frontmatter. */
function linesBeforeBody(filePath: string | undefined, body: string): number {
  if (!filePath) return 0;
  try {
    const onDisk = readFileSync(filePath, 'utf8');
    const at = body.length > 0 ? onDisk.indexOf(body) : -1;
    return at > 0 ? onDisk.slice(0, at).split('\n').length - 1 : 0;
  } catch {
    return 0;
  }
}

export interface MemoryPage {
  /** Page path relative to the project root, as errors print it. */
  readonly path: string;
  readonly isMdx: boolean;
  /**
   * The diagram's HTML. Fences run one after another in call order (there is one interpreter, and
   * problems then come in page order), so call it in document order. A failing fence gives its
   * problem's HTML instead, and the problem is recorded (snippet-problems.ts).
   */
  diagram(fence: Fence): Promise<string>;
  /** Props that let a failing <MemoryDiagram> name its page and line like a fence does. */
  sourceProps(line: number): { sourceFile: string; sourceLine: string };
}

/** `filePath` is the page on disk; `body` the text the processor parsed (positions count from it). */
export function memoryPage(
  { settings, root }: MemoryPageOptions,
  filePath: string | undefined,
  body: string,
): MemoryPage {
  const path = filePath ? relative(root, filePath) : '<page>';
  const offset = linesBeforeBody(filePath, body);
  const usedIds = new Map<string, number>();
  let count = 0;
  let queue: Promise<unknown> = Promise.resolve();

  async function render(fence: Fence): Promise<string> {
    count += 1;
    const fenceLine = fence.line + offset;
    const location = { file: path, firstLine: fenceLine + 1 };
    const meta = readFenceMeta(fence.meta ?? '');
    if (!meta.ok) throw new SnippetError(meta.problems[0]!, location);
    const rawOptions = meta.raw;
    const id = rawOptions.id ?? `diagram-${count}`;
    const earlier = usedIds.get(id);
    if (earlier !== undefined) {
      throw new SnippetError(
        {
          kind: 'option',
          line: 0,
          message: `id=${id} is already used by the diagram on line ${earlier}`,
          hint: 'give each diagram on a page its own id, so permalinks find the right one',
        },
        location,
      );
    }
    usedIds.set(id, fenceLine);
    const compare = meta.compare ?? false;
    return snippetToDiagram({ written: fence.value, rawOptions, location, fallbackId: id, compare }, settings);
  }

  function diagram(fence: Fence): Promise<string> {
    const done = queue.then(() => diagramOrProblem(() => render(fence)));
    queue = done.catch(() => undefined);
    return done;
  }

  return {
    path,
    isMdx: /\.mdx$/i.test(filePath ?? ''),
    diagram,
    sourceProps: (line) => ({ sourceFile: path, sourceLine: String(line + offset) }),
  };
}
