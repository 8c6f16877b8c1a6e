import type { AstroIntegration } from 'astro';
import { AstroError } from 'astro/errors';
import { fileURLToPath } from 'node:url';
import { checkContentDir } from '../entries/check-content.ts';
import { formatProblems } from '../entries/problems.ts';
import { contentDir } from '../entries/term-file.ts';

/**
 * Checks every term file before Astro loads the collection. Astro stops at the
 * first invalid entry and only logs broken references; this reports every
 * problem at once and fails the build. The result is cached (check-content.ts),
 * so the loader and the link-preview images reuse it instead of parsing again.
 */
export function contentCheck(): AstroIntegration {
  return {
    name: 'glossary:content-check',
    hooks: {
      'astro:config:setup': async ({ config, logger, command }) => {
        const { entries, problems } = await checkContentDir(contentDir(), fileURLToPath(config.root), { base: config.base });
        // astro dev starts anyway: its pages show the same problems in the error overlay until they are fixed.
        if (problems.length && command === 'dev') {
          logger.error(`The glossary content has problems.\n${formatProblems(problems)}`);
          return;
        }
        if (problems.length) {
          const error = new AstroError(
            `The glossary content has problems.\n${formatProblems(problems)}`,
            'Each line names the file, the field, what was expected and what was found. `npm run check` lists the same problems without building.',
          );
          error.stack = ''; // the stack of this hook would only bury the list
          throw error;
        }
        logger.info(`${entries.length} terms checked.`);
      },
    },
  };
}
