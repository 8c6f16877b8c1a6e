import { AstroError } from 'astro/errors';
import { describe, expect, test } from 'vitest';
import {
  contentProblemsError,
  DEV_PAGE_HINT,
  formatProblems,
  reportContentProblems,
  type Problem,
} from '../../src/entries/problems.ts';

const PROBLEMS: Problem[] = [
  { file: 'content/terms/b.mdx', field: 'number', expected: 'a number', found: '"x"', line: 3 },
  { file: 'content/terms/a.mdx', field: 'title', expected: 'text', found: 'nothing', hint: 'add one' },
];
const LIST = [
  'content/terms/a.mdx',
  '  - title: expected text, found nothing (add one)',
  'content/terms/b.mdx',
  '  - number (line 3): expected a number, found "x"',
];

function recordingLogger() {
  const logged: string[] = [];
  return { logged, logger: { error: (message: string) => void logged.push(message) } };
}

describe('formatProblems', () => {
  test('leaves the summary out when asked, for warnings', () => {
    expect(formatProblems(PROBLEMS, { summary: false })).toBe(LIST.join('\n'));
  });
});

describe('contentProblemsError', () => {
  test('carries the heading, every problem with file, field, expected and found, and the hint; no stack', () => {
    const error = contentProblemsError(PROBLEMS, DEV_PAGE_HINT);
    expect(error).toBeInstanceOf(AstroError);
    expect(error.message).toBe(
      ['The glossary content has problems.', ...LIST, '2 problems in 2 files: fix them and build again.'].join('\n'),
    );
    expect(error.hint).toBe(DEV_PAGE_HINT);
    expect(error.stack).toBe('');
  });

  test('points to npm run check by default', () => {
    expect(contentProblemsError(PROBLEMS).hint).toMatch(/`npm run check` lists the same problems/);
  });
});

describe('reportContentProblems', () => {
  test('says nothing and returns false when there are none', () => {
    const { logged, logger } = recordingLogger();
    expect(reportContentProblems([], { dev: false, logger })).toBe(false);
    expect(logged).toEqual([]);
  });

  test('under astro dev, logs the list and returns true, so the server keeps running', () => {
    const { logged, logger } = recordingLogger();
    expect(reportContentProblems(PROBLEMS, { dev: true, logger })).toBe(true);
    expect(logged).toEqual([contentProblemsError(PROBLEMS).message]);
  });

  test('in a build, throws the list', () => {
    const { logged, logger } = recordingLogger();
    expect(() => reportContentProblems(PROBLEMS, { dev: false, logger })).toThrow(
      /^The glossary content has problems\.\ncontent\/terms\/a\.mdx\n/,
    );
    expect(logged).toEqual([]);
  });
});
