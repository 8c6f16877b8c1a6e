/**
 * What a term file must be before its text is read: UTF-8 (a byte-order mark is fine), lines ending in LF or
 * CR LF, a sane size, and a name ending in `.mdx`. Anything else used to surface as "a YAML block … found none",
 * as "Caf� Na�ve" on the page, or not at all; here it is named for what it is.
 */
import { resolve } from 'node:path';
import { slugify } from '../links/urls.ts';
import { visibleQuote, type Problem } from './problems.ts';

export const TERM_EXTENSION = '.mdx';

/** The largest term file read at all: a hundred times the largest entry. Anything within every field's limit is smaller. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type FileProblem = Omit<Problem, 'file'>;

export type DecodedTermFile = { source: string; problem?: undefined } | { source?: undefined; problem: FileProblem };

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toFixed(1)} MB`
    : bytes >= 1024
      ? `${Math.round(bytes / 1024)} KB`
      : `${bytes} bytes`;

const SAVE_AS_UTF8 =
  'save it again as UTF-8, with your editor\'s "Save with Encoding" or the encoding choice in "Save As…"';

/** The text of a term file, or the one problem that stops it from being read. */
export function decodeTermFile(bytes: Uint8Array): DecodedTermFile {
  if (bytes.length > MAX_FILE_BYTES) {
    // Say where the bulk is without parsing it: the frontmatter ends at the second "---" line.
    const end = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf('\n---', 3);
    const body = end < 0 ? 0 : bytes.length - end;
    return {
      problem: {
        field: 'file',
        expected: `a term file of at most ${size(MAX_FILE_BYTES)}`,
        found: `${size(bytes.length)}, ${body > bytes.length / 2 ? `most of it in the body (${size(body)})` : `most of it in the frontmatter (${size(bytes.length - body)})`}`,
        hint: 'an entry is a 300–700-word explanation: remove what was pasted in by mistake',
      },
    };
  }
  const utf16 = utf16Kind(bytes);
  if (utf16) return { problem: { field: 'file', expected: 'a file saved as UTF-8', found: utf16, hint: SAVE_AS_UTF8 } };

  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // a UTF-8 byte-order mark: harmless
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(start));
  } catch {
    return { problem: notUtf8(bytes.subarray(start)) };
  }

  if (text.includes('\r')) {
    const lone = /\r(?!\n)/.exec(text);
    if (!lone) return { source: text.replace(/\r\n/g, '\n') };
    if (!text.includes('\n')) {
      return {
        problem: {
          field: 'file',
          expected: 'lines that end in a line feed (LF, or CR LF)',
          found: 'lines that end in a carriage return (CR) alone, the line ending of classic Mac OS',
          hint: 'convert the line endings to LF in your editor',
        },
      };
    }
    return {
      problem: {
        field: 'file',
        line: text.slice(0, lone.index).split('\n').length,
        expected: 'lines that end in a line feed (LF, or CR LF)',
        found: 'a carriage return (CR) without a line feed',
        hint: 'convert the line endings to LF in your editor',
      },
    };
  }
  return { source: text };
}

/** "UTF-16 (little-endian)" when the bytes are UTF-16 or UTF-32, by their byte-order mark or their zero bytes. */
function utf16Kind(bytes: Uint8Array): string | undefined {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return 'UTF-32 (little-endian)';
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return 'UTF-32 (big-endian)';
  if (a === 0xff && b === 0xfe) return 'UTF-16 (little-endian)';
  if (a === 0xfe && b === 0xff) return 'UTF-16 (big-endian)';
  // Without a mark, UTF-16 text in Latin script has a zero byte beside every letter; UTF-8 text has none.
  const sample = bytes.subarray(0, 512);
  let even = 0;
  let odd = 0;
  sample.forEach((byte, i) => byte === 0 && (i % 2 ? odd++ : even++));
  if (odd > sample.length / 4) return 'UTF-16 (little-endian, without a byte-order mark)';
  if (even > sample.length / 4) return 'UTF-16 (big-endian, without a byte-order mark)';
  return undefined;
}

/** The first line that is not UTF-8, shown as Windows-1252 (a superset of Latin-1) would read it. */
function notUtf8(bytes: Uint8Array): FileProblem {
  const strict = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  let from = 0;
  // No UTF-8 sequence contains the byte 0x0A, so each line can be checked on its own.
  for (let to = bytes.indexOf(0x0a); ; to = bytes.indexOf(0x0a, from)) {
    const chunk = bytes.subarray(from, to < 0 ? bytes.length : to);
    try {
      strict.decode(chunk);
    } catch {
      const shown = new TextDecoder('windows-1252').decode(chunk).trim();
      return {
        field: 'file',
        line,
        expected: 'a file saved as UTF-8',
        found: `bytes that are not UTF-8; read as Latin-1 (Windows-1252), the line says ${visibleQuote(shown.length > 60 ? `${shown.slice(0, 57)}…` : shown)}`,
        hint: `the file was probably saved as Latin-1 or Windows-1252: ${SAVE_AS_UTF8}`,
      };
    }
    if (to < 0) break;
    from = to + 1;
    line++;
  }
  return { field: 'file', expected: 'a file saved as UTF-8', found: 'bytes that are not UTF-8', hint: SAVE_AS_UTF8 };
}

/**
 * A file in the terms folder that looks like a term but is not read as one (`x.md`, `X.MDX`, `x.markdown`).
 * Hidden files and editor backups (`x.mdx~`) are not reported.
 */
export function strayFileProblem(name: string): FileProblem | undefined {
  if (name.endsWith(TERM_EXTENSION) || name.startsWith('.') || name.endsWith('~')) return undefined;
  const match = /^(.*)\.(mdx|md|markdown|mdown|mkdn|mkd)$/i.exec(name);
  if (!match) return undefined;
  const stem = slugify(match[1]!) || match[1]!;
  return {
    field: 'file name',
    expected: `a term file named <slug>${TERM_EXTENSION}, in lower case`,
    found: `"${name}", which is not read as a term`,
    hint: `rename it to ${stem}${TERM_EXTENSION}`,
  };
}

/**
 * Where the term files live. Tests point `GLOSSARY_CONTENT_DIR` at a fixture
 * folder to build a tiny site; everyone else gets `content/terms`.
 */
export function contentDir(root = process.cwd()): string {
  return resolve(root, process.env.GLOSSARY_CONTENT_DIR ?? 'content/terms');
}
