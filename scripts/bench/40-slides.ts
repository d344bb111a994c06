// Slides: what `memlane render` adds on top of layout and SVG: the code panel, the composed slide,
// the fonts a file carries, PNG encoding at two scales, and one whole CLI run as a speaker sees it. Figures only.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Figure } from '../bench.ts';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { createSimulator } from '../../src/simulate/index.ts';
import { codeToSvgPanel } from '../../src/slides/code-to-svg-panel.ts';
import { composeSlide } from '../../src/slides/compose-slide.ts';
import { embedFonts } from '../../src/slides/embed-fonts.ts';
import { highlightPython } from '../../src/slides/highlight-code.ts';
import { svgToPng } from '../../src/slides/svg-to-png.ts';

export const name = 'Slides (memlane render: code panel, composition, PNG)';

const root = join(import.meta.dirname, '../..');
const snippet = join(root, 'tests/fixtures/corpus/snippets/c06_defaults.py');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function perStep(steps: number, work: (step: number) => void): number {
  for (let step = 1; step <= steps; step++) work(step); // warm-up
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    const started = performance.now();
    for (let step = 1; step <= steps; step++) work(step);
    times.push((performance.now() - started) / steps);
  }
  return median(times);
}

export async function run(): Promise<Figure[]> {
  const simulator = await createSimulator();
  const source = readFileSync(snippet, 'utf8');
  const trace = await simulator.trace(source);
  await simulator.close();
  const layout = traceToLayout(trace);
  const total = trace.steps.length;
  const tokens = await highlightPython(trace.source, 'light');
  const slides: string[] = [];

  const slideMs = perStep(total, (step) => {
    const diagram = layoutToSvg(layout, { step, theme: 'light', standalone: true, title: 'c06_defaults.py' });
    const code = codeToSvgPanel({ tokens, currentLine: trace.steps[step - 1]!.line });
    slides[step - 1] = composeSlide({
      diagram,
      code,
      width: 1600,
      background: '#ffffff',
      title: 't',
      description: 'd',
    });
  });
  const panelMs = perStep(total, (step) => codeToSvgPanel({ tokens, currentLine: trace.steps[step - 1]!.line }));
  // Each step once: a step whose letters an earlier one drew takes its faces from the cache, as in a run.
  const embedStarted = performance.now();
  const files = slides.map(embedFonts);
  const embedMs = (performance.now() - embedStarted) / total;
  const kilobytes = (texts: string[]) => (median(texts.map((text) => Buffer.byteLength(text))) / 1024).toFixed(1);
  const pngOneMs = perStep(total, (step) => svgToPng(slides[step - 1]!, { scale: 1 }));
  const pngTwoMs = perStep(total, (step) => svgToPng(slides[step - 1]!, { scale: 2 }));

  const started = performance.now();
  const cli = spawnSync(
    process.execPath,
    [join(root, 'scripts/memlane.mjs'), 'render', snippet, '--with-code', '--step', '5'],
    { cwd: root },
  );
  const cliMs = performance.now() - started;

  return [
    { label: `code panel per step (${total} steps)`, value: panelMs, unit: 'ms' },
    { label: 'slide per step: diagram SVG + code panel + compose', value: slideMs, unit: 'ms', target: '< 20 ms' },
    { label: 'fonts embedded per step, every step once', value: embedMs, unit: 'ms' },
    {
      label: 'SVG file per step, median: without / with its fonts',
      value: `${kilobytes(slides)} / ${kilobytes(files)}`,
      unit: 'KiB',
    },
    { label: 'PNG per step, 1600 px wide (scale 1)', value: pngOneMs, unit: 'ms' },
    { label: 'PNG per step, 3200 px wide (scale 2, the default)', value: pngTwoMs, unit: 'ms' },
    { label: `whole CLI run, --with-code to stdout (exit ${cli.status})`, value: cliMs, unit: 'ms' },
  ];
}
