// Validates every term file and prints all problems grouped by file; exits non-zero when there are any.
import { checkContentDir } from '../src/lib/check-content.ts';
import { formatProblems } from '../src/lib/problems.ts';
import { contentDir } from '../src/lib/paths.ts';

const { entries, problems } = await checkContentDir(contentDir());
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(`${entries.length} terms checked: no problems.`);
