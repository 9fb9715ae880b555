// Content collections. `docs` holds the chapters (src/content/docs/chapters/*.mdx), the landing page
// and, later, exercises; Starlight's loader and schema give every page its sidebar, search entry and
// table of contents. Cell code is not a collection: it is plain C under src/content/cells/, imported
// raw by the Cell component (see src/components/cell/sources.ts).
import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { exercisesCollection } from './components/exercise/collection';

export const collections = {
  docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }),
  exercises: exercisesCollection,
};
