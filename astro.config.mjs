// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import { memlane } from './src/integration/index.ts';

export default defineConfig({
  site: 'https://memlane.dev',
  integrations: [
    // Before Starlight, so its remark plugin turns ```python memory blocks into diagrams
    // before Expressive Code claims every code block.
    memlane(),
    starlight({
      title: 'Memlane',
      description: 'How CPython really manages memory, shown with diagrams computed by running the code.',
      social: [],
      sidebar: [
        { label: 'Course', autogenerate: { directory: 'course' } },
        { label: 'Authoring', autogenerate: { directory: 'authoring' } },
        { label: 'Reference', autogenerate: { directory: 'reference' } },
      ],
      components: { Search: './components/starlight/Search.astro' },
      lastUpdated: false,
      pagination: true,
    }),
    mdx(),
  ],
});
