// Side-by-side PNGs of structure snippets at their last step, memlane's layout next to dot's and
// elkjs's of the same boxes, into tmp/structures/ (git-ignored): `npx tsx scripts/structure-pictures.ts [names...]`;
// memlane's as shipped (default fit width) unless WIDE=1 (unreflowed) or FIT=358 (a phone's column),
// light unless THEME=dark; SCALARS=heap|inline for the other scalar modes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { traceToLayout } from '../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../src/render/layout-to-svg.ts';
import { svgToPng } from '../src/slides/svg-to-png.ts';
import { loadStructureTrace, structureNames } from '../tests/fixtures/structures/load.ts';
import { ELK, asLayout, dotLayout, elkLayout } from './structure-engines.ts';

const out = new URL('../tmp/structures/', import.meta.url);
mkdirSync(out, { recursive: true });
const graphviz = await Graphviz.load();
const elk = new ELK();
const names = process.argv.slice(2).length
  ? structureNames.filter((n) => process.argv.slice(2).some((a) => n.includes(a)))
  : structureNames;
const theme = (process.env['THEME'] as 'light' | 'dark' | undefined) ?? 'light';
for (const name of names) {
  const trace = loadStructureTrace(name);
  const scalars = process.env['SCALARS'] as 'heap' | 'inline' | undefined;
  const fitWidth = process.env['WIDE'] ? (false as const) : process.env['FIT'] ? Number(process.env['FIT']) : undefined;
  const layout = traceToLayout(trace, {
    ...(scalars ? { scalars } : {}),
    ...(fitWidth !== undefined ? { fitWidth } : {}),
  });
  const wide = traceToLayout(trace, { ...(scalars ? { scalars } : {}), fitWidth: false });
  const step = layout.stepsTotal;
  const panels = [
    {
      label: 'memlane',
      svg: layoutToSvg(layout, { step, theme, standalone: true }),
      width: layout.width,
      height: layout.height,
    },
    ...[
      ['dot', asLayout(wide, step, dotLayout(graphviz, wide, step))],
      ['elkjs', asLayout(wide, step, await elkLayout(elk, wide, step))],
    ].map(([label, l]) => {
      const other = l as typeof layout;
      return {
        label: label as string,
        svg: layoutToSvg(other, { step, theme, standalone: true }),
        width: other.width,
        height: other.height,
      };
    }),
  ];
  let x = 0;
  const parts: string[] = [];
  for (const p of panels) {
    parts.push(`<text x="${x + 8}" y="16" font-size="14" font-family="sans-serif" fill="#c00">${p.label}</text>`);
    parts.push(p.svg.replace(/^<\?xml[^>]*>\n/, '').replace('<svg ', `<svg x="${x}" y="24" `));
    x += p.width + 24;
  }
  const height = Math.max(...panels.map((p) => p.height)) + 24;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${x}" height="${height}" viewBox="0 0 ${x} ` +
    `${height}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
  const tag = [
    theme,
    process.env['WIDE'] ? 'wide' : process.env['FIT'] ? `fit${process.env['FIT']}` : 'default',
    scalars ?? '',
  ]
    .filter(Boolean)
    .join('-');
  writeFileSync(new URL(`${name}-${tag}.png`, out), svgToPng(svg).data);
  console.log(`${name}: ${panels.map((p) => `${p.label} ${p.width}x${p.height}`).join(', ')}`);
}
