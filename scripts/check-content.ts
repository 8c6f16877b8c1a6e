// Validates every term file and prints all problems grouped by file; exits non-zero when there are any.
// Unlinked first mentions of other entries are listed as warnings: they do not fail the check.
import { checkContentDir } from '../src/entries/check-content.ts';
import { formatProblems } from '../src/entries/problems.ts';
import { contentDir } from '../src/entries/term-file.ts';

const { entries, problems, warnings } = await checkContentDir(contentDir());
if (warnings.length) {
  console.warn(
    `Warnings (files not read, unlinked first mentions):\n${formatProblems(warnings, { summary: false })}\n`,
  );
}
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`${entries.length} terms checked: no problems${warnings.length ? `, ${warnings.length} warnings` : ''}.`);
