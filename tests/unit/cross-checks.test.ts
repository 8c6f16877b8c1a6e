import { describe, expect, test } from 'vitest';
import { crossEntryProblems, type CheckedEntry } from '../../src/entries/cross-checks.ts';
import type { Problem } from '../../src/entries/problems.ts';
import { indexByAttackId } from '../../src/attack/ids.ts';
import { relatedSchema } from '../../src/schemas/term.ts';
import type { Relation } from '../../src/schemas/vocabulary.ts';

function entry(slug: string, number: number, extra: Partial<CheckedEntry['data']> = {}): CheckedEntry {
  return {
    slug,
    file: `content/terms/${slug}.mdx`,
    data: {
      title: slug.toUpperCase(),
      number,
      category: 'techniques-and-tools',
      aliases: [],
      related: [],
      redirectFrom: [],
      ...extra,
    },
  };
}
const rel = (...slugs: string[]) => slugs.map((term) => ({ term, relation: 'see-also' as const }));
const links = (...pairs: [string, Relation][]) => pairs.map(([term, relation]) => ({ term, relation }));
const defence = (slug: string, number: number, related: CheckedEntry['data']['related'] = []) =>
  entry(slug, number, { category: 'defense-and-operations', related });

// Small fixtures have fewer than three related terms; the minimum has its own tests at the end.
const check = (entries: CheckedEntry[], options?: Parameters<typeof crossEntryProblems>[1]): Problem[] =>
  crossEntryProblems(entries, options).filter((p) => p.field !== 'related');

describe('crossEntryProblems', () => {
  test('accepts entries that link to each other', () => {
    expect(check([entry('a', 1, { related: rel('b') }), entry('b', 2, { related: rel('a') })])).toEqual([]);
  });

  test('reports an empty collection', () => {
    expect(check([], { contentDir: 'content/terms' })).toEqual([
      { file: 'content/terms', field: 'file', expected: 'at least one term (.mdx file)', found: 'an empty folder' },
    ]);
  });

  test('reports a number two entries share on both, each naming the other, and tells neither to renumber the published one', () => {
    expect(check([entry('a', 4), entry('b', 4)])).toEqual([
      {
        file: 'content/terms/a.mdx',
        field: 'number',
        expected: 'a catalog number no other term uses',
        found: '4, also the number of content/terms/b.mdx',
        hint: 'the entry published first keeps 4, which slides link to as /n/4/; give the other one another number (the next free number is 5)',
      },
      {
        file: 'content/terms/b.mdx',
        field: 'number',
        expected: 'a catalog number no other term uses',
        found: '4, also the number of content/terms/a.mdx',
        hint: 'the entry published first keeps 4, which slides link to as /n/4/; give the other one another number (the next free number is 5)',
      },
    ]);
  });

  test('blames only the new entry when a number is taken from a published one, whatever the file names', () => {
    // "command-and-control" sorts before "execution": the old check told execution.mdx to renumber.
    const problems = check([entry('command-and-control', 1), entry('execution', 1), entry('persistence', 2)], {
      established: new Set(['content/terms/execution.mdx']),
    });
    expect(problems).toEqual([
      {
        file: 'content/terms/command-and-control.mdx',
        field: 'number',
        expected: 'a catalog number no other term uses',
        found: '1, the number of content/terms/execution.mdx since it was published',
        hint: 'a published entry keeps its number, which slides link to as /n/1/: give this entry another; the next free number is 3',
      },
    ]);
  });

  test('blames the newer entry (the higher number) for a name or ATT&CK ID the older one has, whatever the file names', () => {
    const tactic = { id: 'TA0002', domain: 'enterprise' as const, kind: 'tactic' as const };
    const problems = check([
      entry('command-and-control', 96, { aliases: ['TA0002'] }),
      entry('execution', 1, { aliases: ['TA0002'], attack: tactic }),
      entry('code-execution', 97, { attack: tactic }),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/terms/command-and-control.mdx',
        field: 'aliases[0]',
        found: '"TA0002", already a name of content/terms/execution.mdx (№ 1)',
      }),
      expect.objectContaining({
        file: 'content/terms/code-execution.mdx',
        field: 'attack.id',
        found: 'TA0002, already the ID of content/terms/execution.mdx (№ 1)',
      }),
    ]);
    expect(problems.map((p) => p.file)).not.toContain('content/terms/execution.mdx');
  });

  test('reports a retired catalog number, names the entry that had it, and never offers a retired number as the next', () => {
    const retired = [
      { number: 3, slug: 'scripting', title: 'Scripting', reason: 'ATT&CK deprecated T1064 without a successor.' },
      { number: 9, slug: 'old-shell', title: 'Old Shell', reason: 'Merged into PowerShell.', replacedBy: 'b' },
    ];
    expect(
      check([entry('a', 1), entry('b', 2), entry('c', 3)], { retired, retiredFile: 'content/retired-numbers.json' }),
    ).toEqual([
      {
        file: 'content/terms/c.mdx',
        field: 'number',
        expected: 'a catalog number that no term has ever had',
        found: '3, the retired number of "Scripting" (scripting), listed in content/retired-numbers.json',
        hint: '/n/3/ says what happened to that entry: the next free number is 10',
      },
    ]);
  });

  test('reports a retired number whose replacement does not exist', () => {
    const retired = [{ number: 9, slug: 'old-shell', title: 'Old Shell', reason: 'Merged.', replacedBy: 'powershel' }];
    expect(check([entry('powershell', 1)], { retired, retiredFile: 'content/retired-numbers.json' })).toEqual([
      expect.objectContaining({
        file: 'content/retired-numbers.json',
        field: '[0].replacedBy',
        found: '"powershel", which does not exist',
        hint: 'did you mean "powershell"?',
      }),
    ]);
  });

  test('reports a title or alias used twice across terms, ignoring case', () => {
    const problems = check([
      entry('edr', 1, { aliases: ['Endpoint Detection and Response'] }),
      entry('xdr', 2, { aliases: ['endpoint detection AND response'] }),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/terms/xdr.mdx',
        field: 'aliases[0]',
        found: '"endpoint detection AND response", already a name of content/terms/edr.mdx (№ 1)',
      }),
    ]);
  });

  test('reports a related slug that does not exist and suggests the closest one', () => {
    const problems = check([entry('execution', 1, { related: rel('cyber-kil-chain') }), entry('cyber-kill-chain', 2)]);
    expect(problems).toEqual([
      {
        file: 'content/terms/execution.mdx',
        field: 'related[0].term',
        expected: 'the slug of an existing term (a file name in content/terms without .mdx)',
        found: '"cyber-kil-chain", which does not exist',
        hint: 'did you mean "cyber-kill-chain"?',
      },
    ]);
  });

  test('reports a term related to itself', () => {
    expect(check([entry('a', 1, { related: rel('a') })])).toEqual([
      expect.objectContaining({ field: 'related[0].term', found: '"a", this term itself' }),
    ]);
  });

  test('reports an ATT&CK ID used twice, in one domain or across domains, since /attack/<ID>/ can lead to one term', () => {
    const attack = (id: string, domain: 'enterprise' | 'mobile') => ({ id, domain, kind: 'mitigation' as const });
    const duplicate = expect.objectContaining({
      file: 'content/terms/b.mdx',
      field: 'attack.id',
      expected: 'an ATT&CK ID no other term uses, in any domain',
      found: 'M1013, already the ID of content/terms/a.mdx (№ 1)',
    });
    expect(
      check([
        entry('a', 1, { attack: attack('M1013', 'enterprise') }),
        entry('b', 2, { attack: attack('M1013', 'enterprise') }),
      ]),
    ).toEqual([duplicate]);
    expect(
      check([
        entry('a', 1, { attack: attack('M1013', 'enterprise') }),
        entry('b', 2, { attack: attack('M1013', 'mobile') }),
      ]),
    ).toEqual([duplicate]);
  });

  test('the /attack/<ID>/ gateway keys IDs by the rule the check enforces: the first owner keeps an ID in any domain or case', () => {
    const items = [
      { name: 'a', id: 'M1013' },
      { name: 'b', id: 'm1013' },
      { name: 'c', id: 'TA0041' },
      { name: 'd', id: undefined },
    ];
    const { owners, clashes } = indexByAttackId(items, (i) => i.id);
    expect([...owners].map(([id, item]) => `${id}:${item.name}`)).toEqual(['M1013:a', 'TA0041:c']);
    expect(clashes.map(({ item, owner }) => `${item.name} clashes with ${owner.name}`)).toEqual(['b clashes with a']);
  });

  test('reports a former slug that is another term’s current slug', () => {
    expect(check([entry('a', 1, { redirectFrom: ['b'] }), entry('b', 2)])).toEqual([
      expect.objectContaining({
        file: 'content/terms/a.mdx',
        field: 'redirectFrom[0]',
        found: '"b", already the URL of content/terms/b.mdx',
      }),
    ]);
  });
});

const DEFENDS = '(category defense-and-operations, or an ATT&CK mitigation), toward what it defends against';
const mitigation = (slug: string, number: number, related: CheckedEntry['data']['related'] = []) =>
  entry(slug, number, {
    category: 'frameworks-and-models',
    attack: { id: 'M1038', domain: 'enterprise', kind: 'mitigation' },
    related,
  });

describe('crossEntryProblems: which way a relation points', () => {
  test.each<[string, CheckedEntry[]]>([
    [
      'a defence that detects a technique',
      [defence('amsi', 1, links(['powershell', 'detects'])), entry('powershell', 2)],
    ],
    [
      'a defence that counters a threat',
      [defence('edr', 1, links(['ransomware', 'counters'])), entry('ransomware', 2)],
    ],
    [
      'an ATT&CK mitigation outside the defence category that counters a technique',
      [mitigation('execution-prevention', 1, links(['user-execution', 'counters'])), entry('user-execution', 2)],
    ],
    [
      'a defence that detects a term whose file failed its own checks',
      [defence('amsi', 1, links(['powershell', 'detects']))],
    ],
  ])('accepts %s', (_, entries) => {
    expect(
      check(entries, {
        allSlugs: ['amsi', 'powershell', 'edr', 'ransomware', 'execution-prevention', 'user-execution'],
      }),
    ).toEqual([]);
  });

  test.each<[string, CheckedEntry[], Problem]>([
    [
      '"detects" stated by a technique about a defence, with where to state it instead',
      [
        entry('powershell', 1, {
          related: links(['command-and-scripting-interpreter', 'part-of'], ['amsi', 'detects']),
        }),
        defence('amsi', 2),
        entry('command-and-scripting-interpreter', 3),
      ],
      {
        file: 'content/terms/powershell.mdx',
        field: 'related[1].relation',
        expected: `"detects" only in a defence's file ${DEFENDS}`,
        found: '"powershell detects amsi", but powershell is not a defence',
        hint: 'if amsi detects powershell, state it in content/terms/amsi.mdx as "- term: powershell / relation: detects" and remove it here',
      },
    ],
    [
      '"counters" stated by a threat about a defence, with where to state it instead',
      [entry('ransomware', 1, { related: links(['edr', 'counters']) }), defence('edr', 2)],
      {
        file: 'content/terms/ransomware.mdx',
        field: 'related[0].relation',
        expected: `"counters" only in a defence's file ${DEFENDS}`,
        found: '"ransomware counters edr", but ransomware is not a defence',
        hint: 'if edr counters ransomware, state it in content/terms/edr.mdx as "- term: ransomware / relation: counters" and remove it here',
      },
    ],
    [
      '"detects" stated by a technique when the defence already states it',
      [
        defence('amsi', 1, links(['powershell', 'detects'])),
        entry('powershell', 2, { related: links(['amsi', 'detects']) }),
      ],
      {
        file: 'content/terms/powershell.mdx',
        field: 'related[0].relation',
        expected: `"detects" only in a defence's file ${DEFENDS}`,
        found: '"powershell detects amsi", but powershell is not a defence',
        hint: 'content/terms/amsi.mdx already states "amsi detects powershell": remove it here',
      },
    ],
    [
      '"counters" stated by a technique when the defence relates them another way',
      [
        defence('application-allowlisting', 1, links(['rundll32', 'see-also'])),
        entry('rundll32', 2, { related: links(['application-allowlisting', 'counters']) }),
      ],
      {
        file: 'content/terms/rundll32.mdx',
        field: 'related[0].relation',
        expected: `"counters" only in a defence's file ${DEFENDS}`,
        found: '"rundll32 counters application-allowlisting", but rundll32 is not a defence',
        hint: 'content/terms/application-allowlisting.mdx already states "application-allowlisting see-also rundll32": if application-allowlisting counters rundll32, change the relation there to "counters", then remove it here',
      },
    ],
    [
      '"detects" between two terms neither of which is a defence',
      [entry('collection', 1, { related: links(['exfiltration', 'detects']) }), entry('exfiltration', 2)],
      {
        file: 'content/terms/collection.mdx',
        field: 'related[0].relation',
        expected: `"detects" only in a defence's file ${DEFENDS}`,
        found: '"collection detects exfiltration", but collection is not a defence',
        hint: 'neither term is a defence: use another relation, such as "see-also"',
      },
    ],
    [
      '"counters" from one defence to another',
      [defence('edr', 1, links(['antivirus', 'counters'])), defence('antivirus', 2)],
      {
        file: 'content/terms/edr.mdx',
        field: 'related[0].relation',
        expected: `"counters" only in a defence's file ${DEFENDS}`,
        found: '"edr counters antivirus", but antivirus is a defence too',
        hint: 'between two defences use another relation, such as "see-also" or "part-of"',
      },
    ],
  ])('reports %s', (_, entries, problem) => {
    expect(check(entries)).toEqual([problem]);
  });
});

describe('crossEntryProblems: search phrases', () => {
  test("reports a search phrase that is another entry's name, and accepts one that is no one's", () => {
    const problems = check([
      entry('create-account', 1, { searchPhrases: ['Backdoor account', 'add user'] }),
      entry('account-manipulation', 2, { aliases: ['Backdoor account'] }),
    ]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/terms/create-account.mdx',
        field: 'searchPhrases[0]',
        found: '"Backdoor account", a name of content/terms/account-manipulation.mdx',
      }),
    ]);
    expect(check([entry('web-shell', 1, { aliases: ['Webshell'], searchPhrases: ['webshell'] })])).toEqual([
      expect.objectContaining({ field: 'searchPhrases[0]', found: '"webshell"' }),
    ]);
  });
});

describe('crossEntryProblems: software and tactics', () => {
  test('reports ATT&CK software stated as part of a tactic, and accepts see-also', () => {
    const software = (relation: Relation) =>
      entry('cobalt-strike', 1, {
        attack: { id: 'S0154', domain: 'enterprise', kind: 'software' },
        related: links(['command-and-control', relation]),
      });
    const tactic = entry('command-and-control', 2, { attack: { id: 'TA0011', domain: 'enterprise', kind: 'tactic' } });
    expect(check([software('part-of'), tactic])).toEqual([
      expect.objectContaining({
        file: 'content/terms/cobalt-strike.mdx',
        field: 'related[0].relation',
        found: '"cobalt-strike part-of command-and-control", but cobalt-strike is ATT&CK software',
      }),
    ]);
    expect(check([software('see-also'), tactic])).toEqual([]);
  });
});

describe('crossEntryProblems: relations that contradict or repeat each other', () => {
  test.each<[string, CheckedEntry[], Problem]>([
    [
      'two terms each part of the other',
      [
        entry('tactic', 1, { related: links(['technique', 'part-of']) }),
        entry('technique', 2, { related: links(['tactic', 'part-of']) }),
      ],
      {
        file: 'content/terms/technique.mdx',
        field: 'related[0].relation',
        expected: 'a relation that agrees with content/terms/tactic.mdx, which states "tactic part-of technique"',
        found: '"part-of", which states "technique part-of tactic": both cannot be true',
        hint: 'keep the one that is true and remove the other',
      },
    ],
    [
      'two terms each preceding the other',
      [
        entry('execution', 1, { related: links(['persistence', 'precedes']) }),
        entry('persistence', 2, { related: links(['execution', 'precedes']) }),
      ],
      {
        file: 'content/terms/persistence.mdx',
        field: 'related[0].relation',
        expected:
          'a relation that agrees with content/terms/execution.mdx, which states "execution precedes persistence"',
        found: '"precedes", which states "persistence precedes execution": both cannot be true',
        hint: 'keep the one that is true and remove the other',
      },
    ],
    [
      'two terms related in two ways, one in each file',
      [
        entry('ransomware', 1, { related: links(['impact', 'part-of']) }),
        entry('impact', 2, { related: links(['ransomware', 'see-also']) }),
      ],
      {
        file: 'content/terms/impact.mdx',
        field: 'related[0].term',
        expected: 'a term not yet related to this one (two terms have one relation, stated in one file)',
        found: '"ransomware", which content/terms/ransomware.mdx already relates as "ransomware part-of impact"',
        hint: 'keep the relation that fits best and remove the other',
      },
    ],
  ])('reports %s', (_, entries, problem) => {
    expect(check(entries)).toEqual([problem]);
  });

  test('reports two defences each detecting the other, in both files, as a defence is not what a defence detects', () => {
    expect(
      check([defence('siem', 1, links(['edr', 'detects'])), defence('edr', 2, links(['siem', 'detects']))]).map((p) => [
        p.file,
        p.found,
      ]),
    ).toEqual([
      ['content/terms/siem.mdx', '"siem detects edr", but edr is a defence too'],
      ['content/terms/edr.mdx', '"edr detects siem", but siem is a defence too'],
    ]);
  });

  test('accepts a symmetric relation stated in both files: it says one thing, and pages show it once', () => {
    const entries = [
      defence('edr', 1, links(['antivirus', 'often-confused-with'])),
      defence('antivirus', 2, links(['edr', 'often-confused-with'])),
    ];
    expect(check(entries)).toEqual([]);
  });
});

describe('crossEntryProblems: how many related terms a page shows', () => {
  const ring = (n: number) => Array.from({ length: n }, (_, i) => `t${i}`);

  test('counts the links other files state to a term, since its page shows them', () => {
    // t0 lists nothing itself; t1, t2 and t3 each name it.
    const entries = [
      entry('t0', 1),
      ...ring(4)
        .slice(1)
        .map((slug, i) =>
          entry(slug, i + 2, {
            related: rel(
              't0',
              ...ring(4)
                .slice(1)
                .filter((s) => s !== slug),
            ),
          }),
        ),
    ];
    expect(crossEntryProblems(entries)).toEqual([]);
  });

  test('reports a term with fewer than 3 related terms, counting both ends once each', () => {
    const entries = [
      entry('a', 1, { related: rel('b') }),
      entry('b', 2, { related: rel('a', 'c') }),
      entry('c', 3, { related: rel('a', 'b') }),
    ];
    expect(crossEntryProblems(entries)).toEqual([
      {
        file: 'content/terms/a.mdx',
        field: 'related',
        expected: 'at least 3 related terms, counting those whose files link to this term',
        found: '2 (1 listed here, 1 linking here from other files)',
        hint: 'add related terms to this file',
      },
      expect.objectContaining({
        file: 'content/terms/b.mdx',
        found: '2 (2 listed here, 0 linking here from other files)',
      }),
      expect.objectContaining({
        file: 'content/terms/c.mdx',
        found: '2 (2 listed here, 0 linking here from other files)',
      }),
    ]);
  });

  test('does not count while another file has failed its own checks, as its links are unknown', () => {
    expect(
      crossEntryProblems([entry('a', 1, { related: rel('b') }), entry('b', 2)], { allSlugs: ['a', 'b', 'broken'] }),
    ).toEqual([]);
  });
});

describe('relatedSchema', () => {
  test.each([
    [
      'contains',
      '"part-of", stated from the other end ("contains" is no longer used: move this link to the named term\'s file as "- term: <this term> / relation: part-of")',
    ],
    [
      'follows',
      '"precedes", stated from the other end ("follows" is no longer used: move this link to the named term\'s file as "- term: <this term> / relation: precedes")',
    ],
  ])('says where a link written with the retired "%s" goes instead of suggesting a look-alike', (relation, message) => {
    const result = relatedSchema.safeParse({ term: 'powershell', relation }, { reportInput: true });
    expect(result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message, i.input])).toEqual([
      ['relation', message, relation],
    ]);
  });
});
