// svgdom ships no types; these are the parts the font-metrics generator uses (a development dependency).
declare module 'svgdom' {
  export function createSVGWindow(): Window & typeof globalThis;
  export const config: {
    setFontDir(dir: string): typeof config;
    setFontFamilyMappings(map: Record<string, string>): typeof config;
    preloadFonts(): void;
    getFonts(): Record<string, unknown>;
  };
}
