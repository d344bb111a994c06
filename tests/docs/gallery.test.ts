// The README's pictures are what the current code draws: a change to layout or drawing that alters
// one fails here until `npx tsx scripts/gallery.ts` redraws them (then look at docs/images/).
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { drawGalleryImage, galleryDir, galleryImages } from '../../scripts/gallery.ts';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's gallery", () => {
  it('shows every picture the gallery script draws, and no other', () => {
    const shown = [...readme.matchAll(/\]\(docs\/images\/([^)]+\.png)\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(shown, galleryImages.map((image) => image.file).sort());
  });
  for (const image of galleryImages) {
    it(`${image.file} is up to date`, () => {
      const path = new URL(image.file, galleryDir);
      assert.ok(existsSync(path), `docs/images/${image.file} is missing: run npx tsx scripts/gallery.ts`);
      assert.ok(
        drawGalleryImage(image).equals(readFileSync(path)),
        `docs/images/${image.file} is stale: run npx tsx scripts/gallery.ts and look at the picture`,
      );
    });
  }
});
