// The single source of truth for diagram colours: concrete palettes for files (light, dark,
// sketch) and the --ml-* custom properties that let a site's theme switch recolour inline diagrams.

export type ThemeName = 'site' | 'light' | 'dark' | 'sketch';

export interface Palette {
  background: string;
  text: string;
  muted: string;
  alert: string;
  frameFill: string;
  frameHeader: string;
  frameStroke: string;
  mutableFill: string;
  mutableHeader: string;
  mutableStroke: string;
  immutableFill: string;
  immutableHeader: string;
  immutableStroke: string;
  rule: string;
  arrow: string;
  change: string;
  changeText: string;
  /** What differs between the sides of a comparison. */
  differs: string;
}

export const palettes: Record<'light' | 'dark' | 'sketch', Palette> = {
  light: {
    background: '#ffffff',
    text: '#1b1f24',
    muted: '#555e69',
    alert: '#b3261e',
    frameFill: '#f6f8fa',
    frameHeader: '#e4e9ef',
    frameStroke: '#4d5560',
    mutableFill: '#fff8e8',
    mutableHeader: '#fbe3ad',
    mutableStroke: '#8a5a00',
    immutableFill: '#eef5ff',
    immutableHeader: '#d3e5fb',
    immutableStroke: '#1d5fae',
    rule: '#c9d1d9',
    arrow: '#2f353d',
    change: '#b02a7a',
    changeText: '#8f1f62',
    differs: '#c2410c',
  },
  dark: {
    background: '#17181c',
    text: '#e6edf3',
    muted: '#a8b1bc',
    alert: '#ff8a80',
    frameFill: '#1f2329',
    frameHeader: '#2c323b',
    frameStroke: '#9aa4b0',
    mutableFill: '#2a2213',
    mutableHeader: '#44361a',
    mutableStroke: '#e0a93b',
    immutableFill: '#10233a',
    immutableHeader: '#1b3858',
    immutableStroke: '#6cb0ff',
    rule: '#3d444d',
    arrow: '#cdd5de',
    change: '#ff7cc8',
    changeText: '#ff9bd5',
    differs: '#ff9e4a',
  },
  sketch: {
    background: '#fffdf6',
    text: '#22211f',
    muted: '#56524a',
    alert: '#a8231a',
    frameFill: '#fbf7ec',
    frameHeader: '#efe6d0',
    frameStroke: '#3b3832',
    mutableFill: '#fff1cc',
    mutableHeader: '#fbe09a',
    mutableStroke: '#3b3832',
    immutableFill: '#e3f0ff',
    immutableHeader: '#c7def8',
    immutableStroke: '#3b3832',
    rule: '#b9b2a3',
    arrow: '#2b2925',
    change: '#b0266f',
    changeText: '#8c1b57',
    differs: '#b3470f',
  },
};

/** Custom property of each palette entry. */
export const cssVariables: Record<keyof Palette, string> = {
  background: '--ml-bg',
  text: '--ml-text',
  muted: '--ml-muted',
  alert: '--ml-alert',
  frameFill: '--ml-frame-fill',
  frameHeader: '--ml-frame-header',
  frameStroke: '--ml-frame-stroke',
  mutableFill: '--ml-mutable-fill',
  mutableHeader: '--ml-mutable-header',
  mutableStroke: '--ml-mutable-stroke',
  immutableFill: '--ml-immutable-fill',
  immutableHeader: '--ml-immutable-header',
  immutableStroke: '--ml-immutable-stroke',
  rule: '--ml-rule',
  arrow: '--ml-arrow',
  change: '--ml-change',
  changeText: '--ml-change-text',
  differs: '--ml-differs',
};

/**
 * Which palette entries paint each class: [fill, stroke]. Elements carry the class and, as a fallback, concrete
 * colours.
 */
export const classPaint: Record<string, [keyof Palette | 'none', (keyof Palette | 'none')?]> = {
  'ml-frame': ['frameFill', 'frameStroke'],
  'ml-frame-header': ['frameHeader'],
  'ml-mutable': ['mutableFill', 'mutableStroke'],
  'ml-mutable-header': ['mutableHeader'],
  'ml-immutable': ['immutableFill', 'immutableStroke'],
  'ml-immutable-header': ['immutableHeader'],
  'ml-outline-frame': ['none', 'frameStroke'],
  'ml-outline-mutable': ['none', 'mutableStroke'],
  'ml-outline-immutable': ['none', 'immutableStroke'],
  'ml-rule': ['none', 'rule'],
  'ml-text': ['text'],
  'ml-muted': ['muted'],
  'ml-alert': ['alert'],
  'ml-arrow-line': ['none', 'arrow'],
  'ml-arrow-head': ['arrow'],
  'ml-change': ['none', 'change'],
  'ml-change-text': ['changeText'],
  'ml-background': ['background'],
};

/** `selector { --ml-...: colour; ... }` for one palette. */
export function variableBlock(selector: string, palette: Palette): string {
  const lines = (Object.keys(cssVariables) as (keyof Palette)[]).map(
    (key) => `  ${cssVariables[key]}: ${palette[key]};`,
  );
  return `${selector} {\n${lines.join('\n')}\n}`;
}

/**
 * Class rules under `scope` that paint a diagram from the custom properties (they win over the fallback attributes).
 */
export function classVariableRules(scope: string): string {
  return Object.entries(classPaint)
    .map(([cls, [fill, stroke]]) => {
      const fillRule = fill === 'none' ? 'fill: none' : `fill: var(${cssVariables[fill]})`;
      const strokeRule = stroke && stroke !== 'none' ? `; stroke: var(${cssVariables[stroke]})` : '';
      return `${scope} .${cls} { ${fillRule}${strokeRule} }`;
    })
    .join('\n');
}

/** The palette whose colours are written into the SVG as fallbacks (site: light). */
export function paletteOf(theme: ThemeName): Palette {
  return theme === 'site' ? palettes.light : palettes[theme];
}
