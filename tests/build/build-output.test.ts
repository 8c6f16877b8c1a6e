import { beforeAll, describe, expect, test } from 'vitest';
import { load } from 'cheerio';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { runBuild, type BuildResult } from '../helpers/run-build.ts';
import { COMPONENTS_BODY, smallGlossary, termSource, validFrontmatter, writeFixture } from '../helpers/term-source.ts';

// Two real builds of one small fixture glossary into one output folder: the first succeeds, the second fails
// after Astro has written its pages. Between them they show what a finished build contains and that a failed
// one leaves it alone. Beside the first, another glossary is built at the same time (`beside`).
let contentDir: string;
let outDir: string;
let first: BuildResult;
let beside: BuildResult;
const RETIRED = [
  {
    number: 9,
    slug: 'old-signal',
    title: 'Old Signal & Noise',
    reason: 'Merged into Beta Signal, which covers the same events.',
    replacedBy: 'beta-signal',
  },
];

const page = (path: string) => load(readFileSync(join(outDir, path, 'index.html'), 'utf8'));
const stagingLeftovers = () =>
  readdirSync(dirname(outDir)).filter((n) => n.startsWith(`.${basename(outDir)}.building-`));

beforeAll(async () => {
  const files = smallGlossary();
  const attack = validFrontmatter('alpha-control', 1, ['beta-signal', 'gamma-tool', 'delta-tactic']);
  attack['title'] = 'ATT&CK Fixture';
  attack['examples'] = [
    { title: 'Scripts & macros', body: 'A note says <img src=x onerror="window.__pwned=1"> and <!-- hidden -->.' },
    { title: 'A second example', body: 'An analyst spots the pattern in Event ID 4688 and opens a ticket.' },
  ];
  (attack['faq'] as { question: string; answer: string }[])[0] = {
    question: 'What is ATT&CK Navigator?',
    answer: 'A <script>window.__pwned=2</script> web tool for layers.',
  };
  files['alpha-control'] = termSource(attack, COMPONENTS_BODY);
  contentDir = await writeFixture(files);
  await writeFile(join(contentDir, 'retired.json'), JSON.stringify(RETIRED));
  outDir = join(await mkdtemp(join(tmpdir(), 'glossary-out-')), 'site');
  const other = smallGlossary();
  const renamed = validFrontmatter('gamma-tool', 3, ['alpha-control', 'beta-signal', 'delta-tactic']);
  renamed['title'] = 'Gamma Tool Elsewhere';
  other['gamma-tool'] = termSource(renamed);
  const otherDir = await writeFixture(other);
  [first, beside] = await Promise.all([
    runBuild({ GLOSSARY_CONTENT_DIR: contentDir, GLOSSARY_RETIRED_NUMBERS: join(contentDir, 'retired.json') }, [
      '--outDir',
      outDir,
    ]),
    runBuild({ GLOSSARY_CONTENT_DIR: otherDir }),
  ]);
  if (first.code !== 0) throw new Error(first.output);
}, 120_000);

test('two builds of the project at once each finish with their own glossary', () => {
  // Astro renders from page code it writes under its working folder and deletes when done: a build that shared
  // that folder with another lost its code mid-render ("Cannot find module …/.prerender/chunks/…").
  expect(beside.code, beside.output).toBe(0);
  const title = (dir: string) => load(readFileSync(join(dir, 'terms/gamma-tool/index.html'), 'utf8'))('h1').text();
  expect(title(beside.outDir)).toContain('Gamma Tool Elsewhere');
  expect(title(outDir)).not.toContain('Elsewhere');
});

describe('a finished build', () => {
  test('holds the pages, the link-preview images, the slides and the search index, and no staging folder is left', () => {
    expect(readdirSync(join(outDir, 'og')).sort()).toEqual([
      'alpha-control.png',
      'beta-signal.png',
      'delta-tactic.png',
      'gamma-tool.png',
    ]);
    expect(readdirSync(join(outDir, 'slides')).sort()).toEqual([
      'alpha-control.svg',
      'beta-signal.svg',
      'delta-tactic.svg',
      'gamma-tool.svg',
    ]);
    // The slide names the build's own address, escaped once: the title is "ATT&CK Fixture".
    const slide = readFileSync(join(outDir, 'slides/alpha-control.svg'), 'utf8');
    expect(slide).toContain('>https://glossary.example.net/n/1/</text>');
    expect(slide).toContain('ATT&amp;CK Fixture');
    expect(existsSync(join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(existsSync(join(outDir, 'terms', 'beta-signal', 'index.html'))).toBe(true);
    expect(stagingLeftovers()).toEqual([]);
  });

  test('labels copy links with plain text, escaped once: "ATT&amp;CK", never "ATT&amp;amp;CK"', () => {
    // The embed snippet is HTML source shown as text: its own "&amp;" is rightly escaped again.
    for (const path of ['terms/alpha-control/index.html', 'terms/alpha-control/training/index.html']) {
      const html = readFileSync(join(outDir, path), 'utf8').replace(
        /<code id="training-embed-code"[^>]*>[^]*?<\/code>/,
        '',
      );
      expect(html, path).toContain('ATT&amp;CK Fixture');
      expect(html, path).not.toContain('&amp;amp;');
    }
    const $ = page('terms/alpha-control');
    const label = (id: string) => $(`a.copy-link[href="#${id}"]`).attr('aria-label');
    expect(label('definition')).toBe('Copy link to: What is ATT&CK Fixture?');
    expect(label('example-1')).toBe('Copy link to: Scripts & macros');
    expect(label('faq-what-is-att-and-ck-navigator')).toBe('Copy link to: What is ATT&CK Navigator?');
    expect(label('examples')).toBe('Copy link to: Examples');
  });

  test('shows markup written in examples and FAQ answers as text', () => {
    const $ = page('terms/alpha-control');
    expect($('ol.examples li').first().find('p').text()).toBe(
      'A note says <img src=x onerror="window.__pwned=1"> and <!-- hidden -->.',
    );
    expect($('.faq-item p').first().text()).toBe('A <script>window.__pwned=2</script> web tool for layers.');
    expect($('section[aria-labelledby="examples"], section[aria-labelledby="faq"]').find('img, script').length).toBe(0);
  });

  test('says at /n/<number>/ what happened to a retired entry and where its subject went', () => {
    const $ = page('n/9');
    expect($('h1').text()).toBe('№ 9 is no longer in the glossary');
    expect($('main').text()).toContain('Catalog № 9 was the entry “Old Signal & Noise”.');
    expect($('main').text()).toContain('Merged into Beta Signal, which covers the same events.');
    expect($('main a[href="/terms/beta-signal/"]').text()).toBe('Beta Signal');
    expect($('meta[http-equiv="refresh"]').length).toBe(0);
    // The catalog numbers in use still redirect to their terms.
    expect(page('n/2')('meta[http-equiv="refresh"]').attr('content')).toBe('0; url=/terms/beta-signal/');
  });
});

describe('term bodies compiled by @astrojs/mdx with the glossary components', () => {
  const body = () => {
    const $ = page('terms/alpha-control');
    return { $, html: $('.explanation').html()! };
  };

  test('<Term> links to the term, with its title when it has no text of its own; quotes are typographic', () => {
    expect(body().html).toContain(
      '<p>See <a href="/terms/beta-signal/" class="term-link">Beta Signal</a> and <a href="/terms/gamma-tool/" class="term-link">the tool</a>, “quoted”, and <a href="/terms/gamma-tool/#faq">its FAQ</a>.</p>',
    );
  });

  test("<Attack> without an entry for its ID links to attack.mitre.org with MITRE's name, marked as leaving the site", () => {
    const { $ } = body();
    const external = $('.explanation a.attack-ref').first();
    expect(external.attr('href')).toBe('https://attack.mitre.org/techniques/T1059/001/');
    expect(external.attr('rel')).toBe('external');
    expect(external.text()).toBe('T1059.001 PowerShell (on attack.mitre.org)');
  });

  test('<Callout> is an aside named by its title', () => {
    expect(body().html).toContain(
      '<aside class="callout callout-warning" aria-labelledby="callout-1"><p class="callout-title" id="callout-1"><span class="callout-kind">Warning: </span>Not a boundary</p><p>It can be <strong>bypassed</strong>.</p></aside>',
    );
  });

  test('<Tabs> shows every panel under its own heading, so it reads without JavaScript', () => {
    const { $ } = body();
    const panels = $('.explanation .tabs[data-tabs] > section.tab-panel');
    expect(panels.map((_, p) => $(p).attr('id')).get()).toEqual(['tabs-1-1', 'tabs-1-2']);
    expect(panels.map((_, p) => $(p).attr('aria-labelledby')).get()).toEqual(['tabs-1-1-label', 'tabs-1-2-label']);
    expect(
      panels
        .find('h3.tab-label')
        .map((_, h) => `${$(h).attr('id')} ${$(h).text()}`)
        .get(),
    ).toEqual(['tabs-1-1-label Windows', 'tabs-1-2-label Linux']);
    expect(
      panels
        .find('p')
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(['One.', 'Two.']);
  });

  test('fenced code gets a language label, a copy button and Prism colours from classes, never inline styles', () => {
    const { $ } = body();
    const blocks = $('.explanation figure.code-block');
    expect(
      blocks
        .find('.code-lang')
        .map((_, l) => $(l).text())
        .get(),
    ).toEqual(['PowerShell', 'KQL', 'Text']);
    const button = blocks.first().find('button.copy-code');
    expect(button.attr('aria-label')).toBe('Copy PowerShell code');
    expect(button.attr('hidden')).toBeDefined();
    expect(button.text()).toBe('Copy');
    const pre = blocks.first().find('pre');
    expect(pre.attr('tabindex')).toBe('0');
    expect(pre.find('code').attr('class')).toBe('language-powershell');
    expect(pre.find('.token').length).toBeGreaterThan(0);
    expect(pre.text()).toBe('Get-Process -Name "x" # list');
    // KQL, which highlight.js could not colour, has Prism's grammar.
    expect(blocks.eq(1).find('code.language-kql .token').length).toBeGreaterThan(0);
    expect(blocks.eq(2).find('code').text()).toBe('EventID=4688 <raw>');
    expect($('.explanation [style]').length).toBe(0);
  });

  test('<Detection> labels the rule it wraps', () => {
    const { $ } = body();
    const detection = $('.explanation .detection[role="group"]');
    expect(detection.attr('aria-labelledby')).toBe('detection-1');
    expect(detection.find('p.detection-title#detection-1').text()).toBe('KQL query Encoded PowerShell');
    expect(detection.find('figure.code-block code.language-kql').length).toBe(1);
  });

  test('body headings get the anchors the table of contents lists', () => {
    const { $ } = body();
    expect($('.explanation h2#how-it-works').text()).toBe('How it works');
    expect($('nav a[href="#how-it-works"]').length).toBeGreaterThan(0);
  });
});

describe('a build that fails after Astro has written its pages: the last good dist/ stays', () => {
  test('leaves the previous site as it was, and no half-written folder beside it', async () => {
    const before = new Map(
      [
        'index.html',
        'terms/beta-signal/index.html',
        'og/beta-signal.png',
        'slides/beta-signal.svg',
        'pagefind/pagefind.js',
      ].map((f) => [f, readFileSync(join(outDir, f))]),
    );
    // The link-preview images fail once every page is written: their cache folder cannot be created.
    const cacheDir = await mkdtemp(join(tmpdir(), 'glossary-broken-cache-'));
    await writeFile(join(cacheDir, 'og'), 'a file where the image cache folder should be');
    const changed = validFrontmatter('beta-signal', 2, ['alpha-control', 'gamma-tool', 'delta-tactic']);
    changed['title'] = 'Beta Signal Renamed';
    await writeFile(join(contentDir, 'beta-signal.mdx'), termSource(changed));

    const second = await runBuild(
      {
        GLOSSARY_CONTENT_DIR: contentDir,
        GLOSSARY_RETIRED_NUMBERS: join(contentDir, 'retired.json'),
        ASTRO_CACHE_DIR: cacheDir,
      },
      [`--outDir=${outDir}`],
    );

    expect(second.code).not.toBe(0);
    // Every page was rendered before the failure.
    expect(second.output).toContain('/terms/beta-signal/index.html');
    expect(second.output).toContain('astro:build:done');
    expect(second.output).toContain(`The build failed: ${outDir} was left as it was.`);
    for (const [file, bytes] of before) expect(readFileSync(join(outDir, file)).equals(bytes), file).toBe(true);
    expect(readFileSync(join(outDir, 'terms/beta-signal/index.html'), 'utf8')).not.toContain('Beta Signal Renamed');
    expect(stagingLeftovers()).toEqual([]);
  }, 120_000);
});
