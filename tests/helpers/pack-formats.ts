/**
 * Readers for the files the glossary exports, each as strict as the program that imports the file: Moodle's
 * glossary importer, Anki's text importer and a spreadsheet's CSV reader. Shared by the unit tests of the
 * exports and the browser tests that download them.
 */
import { SaxesParser } from 'saxes';

export type Xmlized = { [tag: string]: { '#': string | Xmlized }[] };

/**
 * The array Moodle's xmlize() (lib/xmlize.php) builds and import.php walks: `$xml['ROOT']['#']`, then for each
 * child `['TAG'][i]['#']`, which is the text of a leaf or the children of an element that has any. Parsed by a
 * strict, conformant XML parser, so anything expat would refuse fails the test.
 */
export function xmlize(xml: string): { [root: string]: { '#': Xmlized } } {
  const parser = new SaxesParser();
  const stack: { tag: string; text: string; children: Xmlized; hasChildren: boolean }[] = [];
  let root: { [root: string]: { '#': Xmlized } } = {};
  parser.on('opentag', (tag) => {
    if (stack.length) stack.at(-1)!.hasChildren = true;
    stack.push({ tag: tag.name, text: '', children: {}, hasChildren: false });
  });
  const onText = (text: string) => {
    if (stack.length) stack.at(-1)!.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    const frame = stack.pop()!;
    const value = frame.hasChildren ? frame.children : frame.text;
    if (stack.length) (stack.at(-1)!.children[frame.tag] ??= []).push({ '#': value });
    else root = { [frame.tag]: { '#': value as Xmlized } };
  });
  parser.write(xml).close();
  return root;
}

/** `$node['TAG'][0]['#']` as import.php reads a value: it must be text, not child elements. */
export function text(node: Xmlized, tag: string): string {
  const value = node[tag]?.[0]?.['#'];
  if (typeof value !== 'string') throw new Error(`${tag} is ${JSON.stringify(value)}, not text`);
  return value;
}

export function children(node: Xmlized, tag: string): Xmlized {
  const value = node[tag]?.[0]?.['#'];
  if (value === undefined || typeof value === 'string') throw new Error(`${tag} has no child elements`);
  return value;
}

/** Every element name in an XML document, to prove content never became an element. */
export function elementNames(xml: string): Set<string> {
  const names = new Set<string>();
  const parser = new SaxesParser();
  parser.on('opentag', (tag) => names.add(tag.name));
  parser.write(xml).close();
  return names;
}

/** The entries exactly as import.php loops over them. */
export function moodleEntries(xml: string): Xmlized[] {
  const info = children(xmlize(xml)['GLOSSARY']!['#'], 'INFO');
  return children(info, 'ENTRIES')['ENTRY']!.map((entry) => entry['#'] as Xmlized);
}

/** Anki's reader (ankitects/anki, rslib csv import): tab-separated, and a field starting with `"` is quoted. */
export function readAnkiRow(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let cell = '';
      i++;
      while (i < line.length && !(line[i] === '"' && line[i + 1] !== '"')) {
        cell += line[i];
        i += line[i] === '"' ? 2 : 1;
      }
      cells.push(cell);
      i += 2; // closing quote and tab
    } else {
      const end = line.indexOf('\t', i);
      cells.push(line.slice(i, end === -1 ? line.length : end));
      i = end === -1 ? line.length + 1 : end + 1;
    }
  }
  return cells;
}

/** RFC 4180 as a spreadsheet reads it: past a leading byte-order mark, quoted fields, doubled quotes, CRLF rows. */
export function parseCsv(withBom: string): string[][] {
  const text = withBom.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}
