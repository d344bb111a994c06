// The site's configuration: MDX pages, and memlane() for the memory diagrams.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import memlane from 'memlane';

export default defineConfig({
  integrations: [memlane(), mdx()],
});
