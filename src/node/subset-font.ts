// subset-font: a TTF cut down to the glyphs of some characters by hb-subset (HarfBuzz's own
// subsetter, as WebAssembly from the harfbuzzjs package), without ligature features, so text is
// drawn glyph by glyph, as typed and as measured. Same input, same bytes.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The exports of harfbuzz-subset.wasm this file calls (C functions of hb.h and hb-subset.h). */
interface HarfBuzz {
  memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_NAME_ID = 4;
const TYPOGRAPHIC_NAME_IDS = [16, 17];
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/**
 * The layout features kept: those renderers apply to text by default, but the ligatures (liga, clig,
 * calt: JetBrains Mono's `<=` as ⩽, `->` as ⟶). Optional ones (small caps, fractions, alternates)
 * are never asked for, and their glyphs would only add bytes.
 */
const KEPT_FEATURES = ['ccmp', 'locl', 'mark', 'mkmk', 'kern', 'rlig', 'rvrn', 'curs', 'dist'];

const tagNumber = (tag: string) => [...tag].reduce((n, char) => n * 256 + char.charCodeAt(0), 0);

let harfBuzz: HarfBuzz | undefined;

/** Compiles HarfBuzz on first use (about 10 ms): one instance serves the process. */
function loadHarfBuzz(): HarfBuzz {
  harfBuzz ??= new WebAssembly.Instance(
    new WebAssembly.Module(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm'))),
  ).exports as unknown as HarfBuzz;
  return harfBuzz;
}

/**
 * The font with only the glyphs of `codePoints` (and what they need: .notdef, composites), its ligature features
 * dropped.
 */
export function subsetFont(ttf: Uint8Array, codePoints: Iterable<number>): Buffer {
  const hb = loadHarfBuzz();
  const fontData = hb.malloc(ttf.length);
  new Uint8Array(hb.memory.buffer).set(ttf, fontData);
  const blob = hb.hb_blob_create(fontData, ttf.length, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const input = hb.hb_subset_input_create_or_fail();
  let subset = 0;
  try {
    if (!input)
      throw new Error(
        'subset-font: HarfBuzz could not allocate a subset input\nhint: the process may be out of memory',
      );
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
    // Beside the default names (copyright, family, style, version): the typographic family and style, by which
    // renderers find Inter SemiBold as Inter 600.
    const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    for (const id of TYPOGRAPHIC_NAME_IDS) hb.hb_set_add(names, id);
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    for (const feature of KEPT_FEATURES) hb.hb_set_add(features, tagNumber(feature));
    subset = hb.hb_subset_or_fail(face, input);
    if (!subset)
      throw new Error(
        'subset-font: HarfBuzz could not subset the font\nhint: check that the file is a TrueType font (.ttf)',
      );
    const result = hb.hb_face_reference_blob(subset);
    // Read after the calls: the memory may have grown, and an old view would be empty.
    const bytes = Buffer.from(
      new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(result, 0), hb.hb_blob_get_length(result)),
    );
    hb.hb_blob_destroy(result);
    return bytes;
  } finally {
    if (subset) hb.hb_face_destroy(subset);
    if (input) hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(fontData);
  }
}
