import { resolve } from 'node:path';

/**
 * Where the term files live. Tests point `GLOSSARY_CONTENT_DIR` at a fixture
 * folder to build a tiny site; everyone else gets `content/terms`.
 */
export function contentDir(root = process.cwd()): string {
  return resolve(root, process.env.GLOSSARY_CONTENT_DIR ?? 'content/terms');
}
