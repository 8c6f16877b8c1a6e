import { describe, expect, test } from 'vitest';
import { aliasAttackProblem, attackIdsInText, ownAttackProblems } from '../../src/attack/checks.ts';
import { checkBody } from '../../src/markdown/body.ts';
import { validateEntry } from '../../src/entries/validate-entry.ts';
import { termSource, validFrontmatter, VALID_BODY } from '../helpers/term-source.ts';

const FILE = 'content/terms/sample-term.mdx';

describe("ownAttackProblems: the entry's own ATT&CK object", () => {
  test("accepts MITRE's ID, kind and name", () => {
    expect(
      ownAttackProblems({ id: 'T1059.001', kind: 'sub-technique', domain: 'enterprise' }, 'PowerShell', []),
    ).toEqual([]);
  });

  test.each<[string, Parameters<typeof ownAttackProblems>, { field: string; found: string; hint?: string }]>([
    [
      'an unknown ID',
      [{ id: 'T1999', kind: 'technique', domain: 'enterprise' }, 'Made Up', []],
      { field: 'attack.id', found: '"T1999", which MITRE\'s data does not have' },
    ],
    [
      'an ID from another domain',
      [{ id: 'TA0041', kind: 'tactic', domain: 'enterprise' }, 'Execution', []],
      { field: 'attack.id', found: '"TA0041", which is in the mobile data', hint: 'set attack.domain to mobile' },
    ],
    [
      'a kind that does not match',
      [{ id: 'T1059', kind: 'sub-technique', domain: 'enterprise' }, 'Command and Scripting Interpreter', []],
      { field: 'attack.kind', found: '"sub-technique"' },
    ],
    [
      "a title that is not MITRE's name, with no alias that is",
      [{ id: 'T1047', kind: 'technique', domain: 'enterprise' }, 'WMI abuse', ['WMI']],
      { field: 'title', found: '"WMI abuse"', hint: 'add "Windows Management Instrumentation" to aliases' },
    ],
    [
      "a revoked ID used as the entry's own",
      [{ id: 'T1086', kind: 'technique', domain: 'enterprise' }, 'PowerShell', []],
      { field: 'attack.id', found: '"T1086", which MITRE revoked in favour of T1059.001' },
    ],
  ])('reports %s', (_name, args, expected) => {
    expect(ownAttackProblems(...args)).toContainEqual(expect.objectContaining(expected));
  });
});

describe('attackIdsInText: IDs written in prose', () => {
  test('reports an ID that does not exist', () => {
    expect(attackIdsInText('Attackers use T1999 here.')).toEqual([expect.objectContaining({ id: 'T1999' })]);
  });

  test('reports a revoked ID written as current, naming its successor', () => {
    expect(attackIdsInText('Attackers run scripts through PowerShell (T1086).')).toEqual([
      expect.objectContaining({
        id: 'T1086',
        found: expect.stringContaining('revoked it in favour of T1059.001 PowerShell'),
      }),
    ]);
  });

  test('reports a deprecated ID written as current', () => {
    expect(attackIdsInText('Scripting (T1064) covers macros.')).toEqual([
      expect.objectContaining({ found: expect.stringContaining('deprecated it without a successor') }),
    ]);
  });

  test('a sentence in the past tense is not enough: "was", "had" and "now" do not make an ID former', () => {
    for (const text of [
      'PowerShell was and is T1086.',
      'Attackers had used T1086 on the host.',
      'Defenders now watch T1086 closely.',
    ]) {
      expect(attackIdsInText(text), text).toEqual([expect.objectContaining({ id: 'T1086' })]);
    }
  });

  test('accepts a retired ID that the sentence presents as former, and current IDs', () => {
    expect(
      attackIdsInText('PowerShell was T1086 before it became T1059.001. Execution is TA0002; Cobalt Strike is S0154.'),
    ).toEqual([]);
  });
});

describe('validateEntry applies the ATT&CK checks with file, field and line', () => {
  test('in the body, examples, FAQ and aliases', () => {
    const fm = validFrontmatter('sample-term', 7, ['a-one', 'b-two', 'c-three']);
    fm['aliases'] = ['T1999'];
    (fm['examples'] as { body: string }[])[0]!.body = 'It runs as T1086 on the host.';
    (fm['faq'] as { answer: string }[])[0]!.answer = 'It maps to T1998 in reports.';
    const source = termSource(fm, `${VALID_BODY}\n\nIt is filed as T1064 today.`);
    const result = validateEntry(FILE, source);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toContainEqual(expect.objectContaining({ field: 'aliases[0]', found: '"T1999"' }));
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'examples[0].body', found: expect.stringContaining('"T1086"') }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'faq[0].answer', found: expect.stringContaining('"T1998"') }),
    );
    const bodyLine = source.split('\n').findIndex((l) => l.includes('T1064 today')) + 1;
    expect(problems).toContainEqual(
      expect.objectContaining({ field: 'body', line: bodyLine, found: expect.stringContaining('"T1064"') }),
    );
  });

  test("on the entry's own attack field", () => {
    const fm = validFrontmatter('sample-term', 7, ['a-one', 'b-two', 'c-three']);
    fm['attack'] = { id: 'T1059', domain: 'enterprise', kind: 'technique' };
    const result = validateEntry(FILE, termSource(fm));
    expect(result.ok ? [] : result.problems).toContainEqual(
      expect.objectContaining({
        field: 'title',
        expected: expect.stringContaining('"Command and Scripting Interpreter"'),
        line: expect.any(Number),
      }),
    );
  });
});

describe('namePairingProblem: "Name (ID)" must pair an ID with its own name', () => {
  test("reports a sub-technique ID written after its parent's name, suggesting both of MITRE's forms", () => {
    expect(attackIdsInText('The payload ran through System Services (T1569.002).')).toEqual([
      expect.objectContaining({
        id: 'T1569.002',
        found: '"System Services (T1569.002)", which pairs T1569.002 with the name of T1569',
        hint: 'write "Service Execution (T1569.002)" or "System Services: Service Execution (T1569.002)"',
      }),
    ]);
  });

  test('accepts the short name, the "Parent: Sub" form, emphasis around the name and a list in brackets', () => {
    for (const text of [
      'It maps to Service Execution (T1569.002).',
      'It maps to System Services: Service Execution (T1569.002).',
      'It maps to **Service Execution** (T1569.002).',
      'Endpoint and Network Denial of Service (T1499, T1498) complete the picture.',
      'It is the sub-technique (T1569.002) that PsExec uses.',
    ])
      expect(attackIdsInText(text), text).toEqual([]);
  });

  test('ignores ordinary words that happen to be another object\'s name in other case ("accounts (T1078)")', () => {
    expect(attackIdsInText('Attackers log in with stolen accounts (T1078).')).toEqual([]);
  });

  test('a name a later release replaced is right only where the sentence says it is former', () => {
    expect(attackIdsInText('Up to v18.1 it was listed under Defense Evasion (TA0005).')).toEqual([]);
    expect(attackIdsInText('Rundll32 belongs to Defense Evasion (TA0005).')).toEqual([
      expect.objectContaining({
        found: '"Defense Evasion (TA0005)" written as current',
        hint: 'write "Stealth (TA0005)", or say "formerly Defense Evasion"',
      }),
    ]);
  });
});

describe('aliasAttackProblem: aliases are other names for the same object', () => {
  const phishing = { title: 'Phishing', aliases: [], attack: { id: 'T1566' } };
  test.each([
    ["a sub-technique's ID", 'T1566.003', phishing, 'the ID of Spearphishing via Service (sub-technique)'],
    ["a sub-technique's name", 'Spearphishing Link', phishing, 'the name of T1566.002 (sub-technique)'],
    ['a former ID revoked into another object', 'T1192', phishing, 'revoked in favour of T1566.002 Spearphishing Link'],
    [
      'a deprecated ID without a successor',
      'T1064',
      { title: 'Command and Scripting Interpreter', aliases: [], attack: { id: 'T1059' } },
      'deprecated without a successor',
    ],
  ])('reports %s', (_name, alias, entry, found) => {
    expect(aliasAttackProblem(alias, entry)).toEqual(
      expect.objectContaining({ found: expect.stringContaining(found) }),
    );
  });

  test.each([
    ['its own ID', 'T1566', phishing],
    ['a former ID MITRE revoked into it', 'T1086', { title: 'PowerShell', aliases: [], attack: { id: 'T1059.001' } }],
    ['the same tactic in another domain', 'TA0041', { title: 'Execution', aliases: [], attack: { id: 'TA0002' } }],
    [
      'the software of the same name',
      'S0106',
      { title: 'Windows Command Shell', aliases: ['cmd.exe'], attack: { id: 'T1059.003' } },
    ],
    [
      'a former ID revoked only in the v19 overlay',
      'T1562.010',
      { title: 'Downgrade Attack', aliases: [], attack: { id: 'T1689' } },
    ],
  ])('accepts %s', (_name, alias, entry) => {
    expect(aliasAttackProblem(alias, entry)).toBeUndefined();
  });
});

describe('former IDs in a sentence that links cut into pieces', () => {
  test('a retired ID after a <Term> link still counts as former when its sentence says so', () => {
    const body =
      'Under the former v18.1 IDs the downgrade was <Term slug="powershell">Impair Defenses</Term>: Downgrade Attack (T1562.010), all now revoked.';
    const result = checkBody(body, { terms: new Map([['powershell', { title: 'PowerShell' }]]), slug: 'x' });
    expect(result.problems.filter((p) => p.found.includes('T1562.010'))).toEqual([]);
    const current = checkBody(
      'The downgrade is <Term slug="powershell">Impair Defenses</Term>: Downgrade Attack (T1562.010).',
      { terms: new Map([['powershell', { title: 'PowerShell' }]]), slug: 'x' },
    );
    expect(current.problems).toContainEqual(expect.objectContaining({ found: expect.stringContaining('"T1562.010"') }));
  });
});
