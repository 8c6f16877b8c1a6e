/**
 * The files the picker offers for a pack: name, media type and text of each, from the pure exports. The page
 * turns them into Blob links; keeping the naming here lets a unit test pin it.
 */
import { ankiText, moodleGlossaryXml, packCsv, quizletText, type ExportLabels } from './exports.ts';
import type { PackTerm } from './pack-term.ts';
import { packFileStem } from './picker.ts';

export const PACK_FORMATS = ['moodle', 'anki', 'quizlet', 'csv'] as const;
export type PackFormat = (typeof PACK_FORMATS)[number];

export interface PackFile {
  format: PackFormat;
  filename: string;
  type: string;
  text: string;
}

export interface PackFileNames {
  /** The pack's title as the trainer typed it; may be empty. */
  title: string;
  /** The glossary's name: the Anki deck the pack's deck goes under, and the Moodle glossary's name without a title. */
  glossary: string;
  /** What an untitled pack is called in the files ("Course pack"). */
  untitled: string;
  /** The words the files write before an entry's fields. */
  labels: ExportLabels;
}

export function packFiles(terms: readonly PackTerm[], names: PackFileNames): Record<PackFormat, PackFile> {
  const title = names.title.trim();
  const stem = packFileStem(title);
  const name = title || `${names.glossary}: ${names.untitled}`;
  // Under the glossary's deck, so a learner's packs from this glossary sit together ("Security Glossary::Week 3").
  const deck = `${names.glossary}::${title || names.untitled}`;
  return {
    moodle: {
      format: 'moodle',
      filename: `${stem}-moodle.xml`,
      type: 'application/xml',
      text: moodleGlossaryXml(terms, { name, labels: names.labels }),
    },
    anki: {
      format: 'anki',
      filename: `${stem}-anki.txt`,
      type: 'text/plain;charset=utf-8',
      text: ankiText(terms, { deck, labels: names.labels }),
    },
    quizlet: {
      format: 'quizlet',
      filename: `${stem}-quizlet.txt`,
      type: 'text/plain;charset=utf-8',
      text: quizletText(terms, { labels: names.labels }),
    },
    csv: { format: 'csv', filename: `${stem}.csv`, type: 'text/csv;charset=utf-8', text: packCsv(terms) },
  };
}
