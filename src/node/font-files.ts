// Node edge: the absolute paths of the TTF files, resolved from node_modules, for measuring
// (the advance-width tables), PNG rendering with resvg and serving the site.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { faceSpecs, type FaceSpec } from '../fonts/faces.ts';
import type { TextFace } from '../layout/types.ts';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** One entry per face: its spec and the TTF file on disk. */
export const faces: Record<TextFace, FaceSpec & { file: string }> = Object.fromEntries(
  Object.entries(faceSpecs).map(([face, spec]) => [
    face,
    { ...spec, file: join(packageDir(spec.fontPackage), spec.fontPath) },
  ]),
) as Record<TextFace, FaceSpec & { file: string }>;

/** Every TTF a diagram uses, for resvg's `font.fontFiles` and for serving the site. */
export const diagramFontFiles: readonly string[] = [...new Set(Object.values(faces).map((f) => f.file))];
