// The site's configuration: Starlight for the pages, memlane() for the memory diagrams.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import memlane from 'memlane';

export default defineConfig({
  integrations: [
    // Before Starlight, so ```python memory fences become diagrams before its code blocks claim them.
    memlane(),
    starlight({
      title: 'My course',
      sidebar: [{ label: 'Lessons', items: [{ autogenerate: { directory: 'lessons' } }] }],
    }),
  ],
});
