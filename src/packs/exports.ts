import { cleanText, csvCell, escapeMarkup, oneLine } from '../text/escape.ts';
import { neutraliseFormula } from '../text/formula.ts';
import { CSV_BOM } from '../catalog/api.ts';
import type { PackTerm } from './pack-term.ts';

/*
 * Course-pack exports: one trainer's chosen terms as files that Moodle, Anki and Quizlet import, and a CSV.
 * Pure string functions with no Node or DOM APIs, so the same code runs at build time and in the browser.
 */

/**
 * The words the files write before an entry's fields ("Example:", "Full entry:"). They come from the site's UI
 * strings (`export.*` in i18n/ui.ts, through pack-data.ts's `exportLabels`); the caller passes them, because this
 * module also runs in the pack picker's bundle, which would otherwise carry every UI string for four of them.
 */
export interface ExportLabels {
  example: string;
  attack: string;
  tactics: string;
  fullEntry: string;
}

/**
 * The term page URL, parsed. Every format turns it into a link, and a `javascript:` or relative URL there would
 * be a live hazard or a dead link, so anything but absolute http(s) is refused rather than exported.
 */
function termUrl(term: PackTerm): string {
  let parsed: URL | null = null;
  try {
    parsed = new URL(term.url);
  } catch {
    // Not a URL at all: reported below with the other refusals.
  }
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    throw new Error(
      `Term "${term.slug}" has url ${JSON.stringify(term.url)}, which is not an absolute http(s) URL. ` +
        'Course packs link every term back to its page; build PackTerm.url from the site URL.',
    );
  }
  return parsed.href;
}

/** "Title (qualifier)": the qualifier is what tells two terms with the same title apart on a card. */
function qualifiedTitle(term: PackTerm): string {
  return term.qualifier.trim() ? `${term.title} (${term.qualifier})` : term.title;
}

/** Plain text as HTML: escaped, line breaks kept as <br>. */
function htmlText(text: string): string {
  return escapeMarkup(cleanText(text)).replace(/\n/g, '<br>');
}

/** Category slug, ATT&CK ID and tactic IDs: the handles a learner filters a deck or glossary by. */
function termTags(term: PackTerm): string[] {
  const raw = [term.category.slug, term.attack?.id ?? '', ...term.tactics];
  // Anki splits tags on whitespace, so a tag is one word; a leading sign would read as a formula in a spreadsheet.
  const tags = raw
    .map((tag) =>
      oneLine(tag)
        .replace(/[^\p{L}\p{N}_.-]+/gu, '_')
        .replace(/^[-.]+/, ''),
    )
    .filter(Boolean);
  return [...new Set(tags)];
}

// ---------------------------------------------------------------------------------------------------------
// Moodle glossary XML

/** Moodle's FORMAT_HTML: tells the importer the DEFINITION (and INTRO) text is HTML. */
const MOODLE_FORMAT_HTML = '1';

type XmlNode = readonly [tag: string, content: string | readonly XmlNode[]];

/**
 * Serialises a tree in the layout Moodle's exporter writes: two-space indentation, one element per line, text
 * escaped. A leaf always holds text, never child elements, which is what the importer expects of every value.
 */
function xmlLines(node: XmlNode, depth: number): string[] {
  const [tag, content] = node;
  const indent = '  '.repeat(depth);
  if (typeof content === 'string') return [`${indent}<${tag}>${escapeMarkup(cleanText(content))}</${tag}>`];
  return [`${indent}<${tag}>`, ...content.flatMap((child) => xmlLines(child, depth + 1)), `${indent}</${tag}>`];
}

/**
 * The concept of each entry. Moodle refuses an entry whose concept the glossary already holds (without
 * ALLOWDUPLICATEDENTRIES), comparing case-insensitively unless the entry is case-sensitive, so a title that two
 * picked terms share gets its qualifier.
 */
function conceptNames(terms: readonly PackTerm[]): string[] {
  const key = (term: PackTerm) => oneLine(term.title).trim().toLowerCase();
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(key(term), (counts.get(key(term)) ?? 0) + 1);
  return terms.map((term) => oneLine(counts.get(key(term))! > 1 ? qualifiedTitle(term) : term.title).trim());
}

/**
 * Keywords Moodle's auto-linking filter also matches for the entry: the aliases, plus the bare title when the
 * concept had to be qualified. Blank and repeated names are dropped, as the importer would insert them as rows.
 */
function keywordNames(term: PackTerm, concept: string): string[] {
  const names = [...term.aliases, term.title].map((name) => oneLine(name).trim());
  const seen = new Set([concept.toLowerCase()]);
  return names.filter((name) => {
    const lower = name.toLowerCase();
    if (!name || seen.has(lower) || isFunctionWord(name)) return false;
    seen.add(lower);
    return true;
  });
}

/**
 * Whether the filter should match case-sensitively. The flag covers the concept and every alias of an entry;
 * an acronym (two or more capitals, no small letters) lowercased is often an ordinary word ("RAT", "COM" in
 * "example.com"), so entries that have one match case-sensitively and the rest do not.
 */
function isCaseSensitive(names: readonly string[]): boolean {
  return names.some((name) => (/\p{Lu}.*\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name)) || isEverydayWord(name));
}

/**
 * Entry names that are also ordinary English words a course writes in lower case ("impact assessment", "a loader
 * truck"): matched case-sensitively, they still link the capitalised term but not the word.
 */
const EVERYDAY_WORDS = new Set([
  'impact',
  'collection',
  'discovery',
  'execution',
  'persistence',
  'stealth',
  'loader',
  'dropper',
  'beacon',
  'masquerading',
  'impersonation',
  'phishing',
  'rootkit',
  'timestomp',
]);
/** Words so common that even their capitalised form starts ordinary sentences ("At the end…"): never auto-linked. */
const FUNCTION_WORDS = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'be',
  'by',
  'do',
  'for',
  'go',
  'if',
  'in',
  'is',
  'it',
  'no',
  'of',
  'on',
  'or',
  'so',
  'the',
  'to',
  'up',
  'us',
  'we',
]);

const isEverydayWord = (name: string) => EVERYDAY_WORDS.has(name.toLowerCase()) || isFunctionWord(name);
/** Two letters or fewer, or a function word: auto-linking it would mark words in every sentence of a course. */
const isFunctionWord = (name: string) =>
  FUNCTION_WORDS.has(name.toLowerCase()) || name.replace(/[^\p{L}\p{N}]/gu, '').length <= 2;

/** The entry's definition as HTML: summary, example, ATT&CK ID and tactics, and a link back to the term page. */
function moodleDefinition(term: PackTerm, labels: ExportLabels): string {
  const paragraphs = [`<p>${htmlText(term.summary)}</p>`];
  if (term.qualifier.trim()) paragraphs.push(`<p><em>${htmlText(term.qualifier)}</em></p>`);
  if (term.example.trim()) paragraphs.push(`<p>${escapeMarkup(labels.example)} ${htmlText(term.example)}</p>`);
  if (term.attack) paragraphs.push(`<p>${escapeMarkup(labels.attack)} ${htmlText(term.attack.id)}</p>`);
  if (term.tactics.length)
    paragraphs.push(`<p>${escapeMarkup(labels.tactics)} ${htmlText(term.tactics.join(', '))}</p>`);
  paragraphs.push(
    `<p>${escapeMarkup(labels.fullEntry)} <a href="${escapeMarkup(termUrl(term))}">${htmlText(term.title)}</a></p>`,
  );
  return paragraphs.join('');
}

function moodleEntry(term: PackTerm, concept: string, labels: ExportLabels): XmlNode {
  const keywords = keywordNames(term, concept);
  const children: XmlNode[] = [
    ['CONCEPT', concept],
    ['DEFINITION', moodleDefinition(term, labels)],
    ['FORMAT', MOODLE_FORMAT_HTML],
    // Auto-link the concept and its aliases wherever they appear in course text, unless the concept is a word such as
    // "at" that every sentence uses: Moodle's filter would then link "look at the logs" to the `at` command.
    ['USEDYNALINK', isFunctionWord(concept) ? '0' : '1'],
    ['CASESENSITIVE', isCaseSensitive([concept, ...keywords]) ? '1' : '0'],
    // Whole words only, so "Lua" does not light up inside "evaluate".
    ['FULLMATCH', '1'],
    ['TEACHERENTRY', '1'],
  ];
  if (keywords.length) children.push(['ALIASES', keywords.map((name): XmlNode => ['ALIAS', [['NAME', name]]])]);
  // The category's own USEDYNALINK would auto-link its name ("Execution") everywhere; the importer reads the
  // element unconditionally, so it is present, and off.
  children.push([
    'CATEGORIES',
    [
      [
        'CATEGORY',
        [
          ['NAME', oneLine(term.category.name).trim()],
          ['USEDYNALINK', '0'],
        ],
      ],
    ],
  ]);
  const tags = termTags(term);
  if (tags.length) children.push(['TAGS', tags.map((tag): XmlNode => ['TAG', tag])]);
  return ['ENTRY', children];
}

export interface MoodleGlossaryOptions {
  /** Name of the glossary Moodle creates when the file is imported as a new glossary; required by Moodle. */
  name: string;
  /** Plain-text description shown above the glossary. */
  intro?: string;
  labels: ExportLabels;
}

/**
 * A file for the Glossary activity's "Import entries", as a new glossary or into an existing one.
 *
 * The structure is the one Moodle writes itself (`glossary_generate_export_file` in mod/glossary/lib.php) and
 * walks on import (mod/glossary/import.php): GLOSSARY > INFO holds the glossary settings and ENTRIES > ENTRY,
 * each ENTRY its CONCEPT, DEFINITION, FORMAT, linking flags, ALIASES > ALIAS > NAME, CATEGORIES > CATEGORY
 * (NAME, USEDYNALINK) and TAGS > TAG. Every element the importer reads without checking that it exists is
 * written, so no setting falls to whatever PHP makes of a missing key.
 *
 * Values are escaped the way Moodle's exporter escapes them (`glossary_full_tag` runs them through `s()`),
 * not wrapped in CDATA: the importer takes a value as the element's text and refuses a DEFINITION that parses
 * into child elements, and escaping has no `]]>` edge to get wrong.
 *
 * No formula neutralising here: Moodle is not a spreadsheet, and a leading quote would become part of the
 * concept and keep the filter from ever matching it. Markup in the content cannot escape its element, which is
 * the hazard that applies to this format.
 */
export function moodleGlossaryXml(terms: readonly PackTerm[], options: MoodleGlossaryOptions): string {
  const name = oneLine(options.name).trim();
  if (!name) {
    throw new Error(
      'moodleGlossaryXml needs options.name: Moodle will not create a glossary from a file whose NAME is empty.',
    );
  }
  const intro = options.intro?.trim() ? `<p>${htmlText(options.intro.trim())}</p>` : '';
  const concepts = conceptNames(terms);
  const info: XmlNode[] = [
    ['NAME', name],
    ['INTRO', intro],
    ['INTROFORMAT', MOODLE_FORMAT_HTML],
    ['ALLOWDUPLICATEDENTRIES', '0'],
    // A display format plugin name: the importer's fallback (the legacy number 2) is not one any more.
    ['DISPLAYFORMAT', 'dictionary'],
    ['SHOWSPECIAL', '1'],
    ['SHOWALPHABET', '1'],
    ['SHOWALL', '1'],
    ['ALLOWCOMMENTS', '0'],
    // Entry-level linking only works when the glossary itself allows it.
    ['USEDYNALINK', '1'],
    ['DEFAULTAPPROVAL', '1'],
    ['GLOBALGLOSSARY', '0'],
    ['ENTBYPAGE', '10'],
  ];
  // Like Moodle's exporter, no ENTRIES element when there is nothing in it: an empty one parses as text, not a list.
  if (terms.length) info.push(['ENTRIES', terms.map((term, i) => moodleEntry(term, concepts[i]!, options.labels))]);
  return ['<?xml version="1.0" encoding="UTF-8"?>', ...xmlLines(['GLOSSARY', [['INFO', info]]], 0), ''].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Anki

/** The columns of every note row, named after the fields of Anki's stock "Basic" note type where they map. */
export const ANKI_COLUMNS = ['Front', 'Back', 'Link', 'Deck', 'Tags'] as const;

/**
 * An HTML field cell. Escaping removes the characters Anki's CSV reader would act on: `"` (a field starting
 * with one is read as quoted) and, with tabs turned to spaces and line breaks to <br>, the separators. A row
 * that starts with "#" is a comment to Anki, so a leading "#" becomes its character reference.
 */
function ankiHtmlCell(html: string): string {
  return neutraliseFormula(html.replace(/\t/g, ' ').replace(/^#/, '&#35;'));
}

/**
 * A raw cell (deck name): Anki does not read it as HTML, so it is quoted the CSV way instead, with quotes
 * doubled, which its reader understands in any column.
 */
function ankiRawCell(text: string): string {
  return `"${neutraliseFormula(oneLine(text).trim()).replace(/"/g, '""')}"`;
}

function ankiBack(term: PackTerm, labels: ExportLabels): string {
  const parts = [htmlText(term.summary)];
  if (term.example.trim()) parts.push(`${escapeMarkup(labels.example)} ${htmlText(term.example)}`);
  if (term.attack) parts.push(`${escapeMarkup(labels.attack)} ${htmlText(term.attack.id)}`);
  parts.push(`<a href="${escapeMarkup(termUrl(term))}">${escapeMarkup(labels.fullEntry)} ${htmlText(term.title)}</a>`);
  return parts.join('<br><br>');
}

export interface AnkiOptions {
  /** Deck the notes go into; Anki creates it if the learner does not have it. "::" nests decks. */
  deck: string;
  labels: ExportLabels;
}

/**
 * A text file for Anki's File > Import (Anki 2.1.55 and later read the headers without any setting).
 *
 * The `#key:value` header lines are those of the Anki manual's "Importing > Text Files > File Headers" section,
 * checked against the parser that reads them (rslib/src/import_export/text/csv/metadata.rs in ankitects/anki).
 * The deck is a column, not a `#deck:` header, because that header only preselects a deck that already exists,
 * and a trainer's pack is usually new to the learner; a deck column creates it.
 *
 * Fields are HTML (`#html:true`): escaping makes any text safe inside a field and gives line breaks a form
 * (<br>) that cannot end the row. CSV quoting would keep the line breaks instead, but the manual warns that
 * such multi-line fields break clozes that span lines, and one row per note is easier to check. Tags are a
 * column of their own; the link is both a field for custom note types and the last line of Back, since
 * "Basic" has only Front and Back.
 */
export function ankiText(terms: readonly PackTerm[], options: AnkiOptions): string {
  const deck = oneLine(options.deck).trim();
  if (!deck) throw new Error('ankiText needs options.deck: every note row names the deck it goes into.');
  // Anki reads a deck value made only of digits as a deck id.
  if (/^\d+$/.test(deck))
    throw new Error(
      `ankiText got deck ${JSON.stringify(deck)}: Anki would read a name of digits only as a deck id. Add a word to it.`,
    );
  const headers = [
    '#separator:tab',
    '#html:true',
    '#notetype:Basic',
    `#deck column:${ANKI_COLUMNS.indexOf('Deck') + 1}`,
    `#tags column:${ANKI_COLUMNS.indexOf('Tags') + 1}`,
    // After #separator: Anki splits the column names with the separator in force when it reads this line.
    `#columns:${ANKI_COLUMNS.join('\t')}`,
  ];
  const rows = terms.map((term) => {
    const url = termUrl(term);
    const cells: Record<(typeof ANKI_COLUMNS)[number], string> = {
      Front: ankiHtmlCell(htmlText(qualifiedTitle(term))),
      Back: ankiHtmlCell(ankiBack(term, options.labels)),
      Link: ankiHtmlCell(`<a href="${escapeMarkup(url)}">${escapeMarkup(url)}</a>`),
      Deck: ankiRawCell(deck),
      Tags: neutraliseFormula(termTags(term).join(' ')),
    };
    return ANKI_COLUMNS.map((column) => cells[column]).join('\t');
  });
  return [...headers, ...rows, ''].join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// Quizlet

/**
 * Text for Quizlet's "Import" box with its default separators: a tab between term and definition, a line break
 * between cards. Quizlet has no quoting, so tabs and line breaks inside a field become spaces. No line break
 * after the last card, so that every line is exactly one card.
 */
export function quizletText(terms: readonly PackTerm[], { labels }: { labels: ExportLabels }): string {
  return terms
    .map((term) => {
      const definition = term.attack ? `${term.summary} (${labels.attack} ${term.attack.id})` : term.summary;
      return [qualifiedTitle(term), definition].map((field) => neutraliseFormula(oneLine(field).trim())).join('\t');
    })
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// CSV

/** The site's /glossary.csv columns where a pack term has the value, plus what a pack adds: example, short link. */
export const PACK_CSV_COLUMNS = [
  'number',
  'title',
  'qualifier',
  'category',
  'summary',
  'aliases',
  'attack_id',
  'tactics',
  'example',
  'url',
  'short_url',
] as const;

/**
 * The pack as a spreadsheet, in the site CSV's form (src/catalog/api.ts): every field quoted, CRLF line ends,
 * aliases and tactics joined with "; ", formulas neutralised by the same `csvCell`. Rows keep the pack's order.
 */
export function packCsv(terms: readonly PackTerm[]): string {
  const rows = terms.map((term) =>
    [
      term.number,
      cleanText(term.title),
      cleanText(term.qualifier),
      cleanText(term.category.name),
      cleanText(term.summary),
      term.aliases.map(cleanText).join('; '),
      term.attack?.id ?? '',
      term.tactics.join('; '),
      cleanText(term.example),
      termUrl(term),
      term.shortUrl,
    ]
      .map(csvCell)
      .join(','),
  );
  return CSV_BOM + [PACK_CSV_COLUMNS.join(','), ...rows].join('\r\n') + '\r\n';
}
