// Colours: one source of truth, WCAG AA contrast, custom properties for the site's light and
// dark modes, and the hand-drawn sketch theme.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { traceToLayout } from '../../src/layout/trace-to-layout.ts';
import { layoutToSvg } from '../../src/render/layout-to-svg.ts';
import { FADED_ARROW_OPACITY } from '../../src/render/draw-box.ts';
import { siteThemeCss } from '../../src/integration/site-theme-css.ts';
import { classPaint, cssVariables, palettes, type Palette } from '../../src/render/themes.ts';
import { loadTrace } from '../fixtures/traces/load.ts';
import { findAll, parseSvg, withAttr } from './svg-tree.ts';
import { BOXES } from './render-helpers.ts';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The colour seen when `top` is drawn with `opacity` over `bottom`. */
function blend(top: string, bottom: string, opacity: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(i, i + 2), 16);
  return `#${[1, 3, 5]
    .map((i) =>
      Math.round(channel(top, i) * opacity + channel(bottom, i) * (1 - opacity))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

const surfaces: (keyof Palette)[] = [
  'background',
  'frameFill',
  'frameHeader',
  'mutableFill',
  'mutableHeader',
  'immutableFill',
  'immutableHeader',
];

describe('palettes', () => {
  for (const [name, palette] of Object.entries(palettes)) {
    it(`${name}: text meets WCAG AA (4.5:1) on every surface it is drawn on`, () => {
      for (const surface of surfaces) {
        for (const ink of ['text', 'muted'] as const) {
          const ratio = contrast(palette[ink], palette[surface]);
          assert.ok(ratio >= 4.5, `${name}: ${ink} on ${surface} is ${ratio.toFixed(2)}:1`);
        }
      }
      assert.ok(contrast(palette.alert, palette.frameFill) >= 4.5, `${name}: alert on frame`);
      assert.ok(contrast(palette.changeText, palette.background) >= 4.5, `${name}: change badge text`);
    });

    it(`${name}: outlines, arrows and marks meet 3:1 against the background, faded arrows too`, () => {
      for (const line of ['frameStroke', 'mutableStroke', 'immutableStroke', 'arrow', 'change'] as const) {
        const ratio = contrast(palette[line], palette.background);
        assert.ok(ratio >= 3, `${name}: ${line} is ${ratio.toFixed(2)}:1`);
      }
      const faded = blend(palette.arrow, palette.background, FADED_ARROW_OPACITY);
      assert.ok(
        contrast(faded, palette.background) >= 3,
        `${name}: faded arrow is ${contrast(faded, palette.background).toFixed(2)}:1`,
      );
    });
  }
});

describe('the diagram CSS the site ships (siteThemeCss)', () => {
  it("defines every --ml-* property for Starlight's dark (default) and light modes", () => {
    const dark = /:root, :root\[data-theme='dark'\] \{([^}]*)\}/.exec(siteThemeCss)?.[1] ?? '';
    const light = /:root\[data-theme='light'\] \{([^}]*)\}/.exec(siteThemeCss)?.[1] ?? '';
    for (const [key, variable] of Object.entries(cssVariables)) {
      assert.ok(dark.includes(`${variable}: ${palettes.dark[key as keyof Palette]};`), `dark ${variable}`);
      assert.ok(light.includes(`${variable}: ${palettes.light[key as keyof Palette]};`), `light ${variable}`);
    }
  });

  it('has a rule for every class a site diagram paints with', () => {
    const root = parseSvg(layoutToSvg(traceToLayout(loadTrace('c08_cycle'), BOXES), { step: 'all', theme: 'site' }));
    const classes = new Set(
      findAll(root, (n) => /^ml-/.test(n.attrs['class'] ?? '') && ('fill' in n.attrs || 'stroke' in n.attrs)).map(
        (n) => n.attrs['class']!,
      ),
    );
    assert.ok(classes.size >= 12);
    for (const cls of classes) {
      assert.ok(cls in classPaint, cls);
      assert.ok(siteThemeCss.includes(`.memlane-diagram[data-theme='site'] .${cls} {`), `no rule for ${cls}`);
    }
    assert.equal(
      root.children.filter((c) => c.name === 'style').length,
      0,
      'inline diagrams take their style from the page',
    );
    assert.equal(findAll(root, (n) => n.attrs['class'] === 'ml-background').length, 0, 'and the page background');
  });
});

describe('themes in the SVG', () => {
  it('writes each theme’s own colours as attributes, so files need no CSS', () => {
    const layout = traceToLayout(loadTrace('c01_bind'), BOXES);
    for (const theme of ['light', 'dark', 'sketch'] as const) {
      const root = parseSvg(layoutToSvg(layout, { step: 8, theme }));
      const frame = findAll(root, (n) => n.attrs['class'] === 'ml-frame')[0]!;
      assert.equal(frame.attrs['fill'], palettes[theme].frameFill);
      const background = findAll(root, (n) => n.attrs['class'] === 'ml-background')[0]!;
      assert.equal(background.attrs['fill'], palettes[theme].background);
    }
  });

  it('sketch draws outlines and arrows as rough paths, the same every time', () => {
    const layout = traceToLayout(loadTrace('c01_bind'), BOXES);
    const svg = layoutToSvg(layout, { step: 8, theme: 'sketch' });
    assert.equal(svg, layoutToSvg(traceToLayout(loadTrace('c01_bind'), BOXES), { step: 8, theme: 'sketch' }));
    const root = parseSvg(svg);
    const outlines = findAll(root, (n) => /^ml-outline-/.test(n.attrs['class'] ?? ''));
    assert.ok(outlines.filter((n) => n.name === 'path').length >= 6, 'every box has a hand-drawn outline');
    const lines = findAll(root, (n) => n.attrs['class'] === 'ml-arrow-line');
    assert.ok(
      lines.every((n) => /C/.test(n.attrs['d']!)),
      'rough lines are curves',
    );
    const plain = parseSvg(layoutToSvg(layout, { step: 8, theme: 'light' }));
    assert.ok(findAll(plain, (n) => n.attrs['class'] === 'ml-arrow-line').every((n) => !/C/.test(n.attrs['d']!)));
    // Immutable boxes keep a dashed mark in the sketch too: meaning never rides on colour alone.
    const str = withAttr(root, 'data-object-id', 'o2')[0]!;
    assert.ok(findAll(str, (n) => n.attrs['stroke-dasharray'] !== undefined).length >= 1);
  });
});
