// Lessons live in top-level content/ (not src/content/docs): every .md/.mdx there is a page at its path.
// defineCollection from astro/content/config is what astro:content re-exports, and type-checks before `astro sync`.
import { defineCollection } from 'astro/content/config';
import { glob } from 'astro/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = {
  docs: defineCollection({
    loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './content' }),
    schema: docsSchema(),
  }),
};
