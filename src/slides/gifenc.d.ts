// Types of gifenc 1.0 (it ships none): only the parts frames-to-gif.ts uses.
declare module 'gifenc' {
  export type Palette = number[][];
  export function quantize(rgba: Uint8Array, maxColors: number, options?: { format?: string }): Palette;
  export function applyPalette(rgba: Uint8Array, palette: Palette, format?: string): Uint8Array;
  export interface FrameOptions {
    palette?: Palette;
    delay?: number;
    repeat?: number;
    dispose?: number;
    transparent?: boolean;
    transparentIndex?: number;
  }
  export interface Encoder {
    writeFrame(index: Uint8Array, width: number, height: number, options?: FrameOptions): void;
    finish(): void;
    bytes(): Uint8Array;
  }
  export function GIFEncoder(): Encoder;
  const gifenc: { quantize: typeof quantize; applyPalette: typeof applyPalette; GIFEncoder: typeof GIFEncoder };
  export default gifenc;
}
