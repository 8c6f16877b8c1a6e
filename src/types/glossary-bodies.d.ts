// The build's list of compiled term bodies (src/integrations/content-check.ts).
declare module 'virtual:glossary/bodies' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const bodies: ReadonlyMap<string, () => Promise<{ default: AstroComponentFactory }>>;
  export default bodies;
}
