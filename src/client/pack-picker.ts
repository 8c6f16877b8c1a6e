/**
 * The picker page (/packs/). Without JavaScript it is a form of checkboxes that submits a pack link. This
 * script adds what a form cannot: the pack as an ordered list with notices about the link, a filter, whole
 * categories and tactics at once, the address bar kept equal to the pack's link, the pack kept as this
 * browser's draft (for "Add to a pack" on term pages), and the downloads, built here from the pack data.
 */
import { copyStatus } from './copy.ts';
import { linkPackPages, openPack, packNotices, type OpenPack } from './pack-page.ts';
import { urls } from '../links/urls.ts';
import { PACK_FORMATS, packFiles } from '../packs/downloads.ts';
import type { ExportLabels } from '../packs/exports.ts';
import { packHref, type Pack } from '../packs/pack-url.ts';
import {
  addTerms,
  DRAFT_KEY,
  draftText,
  matchesFilter,
  moveTerm,
  readDraft,
  removeTerms,
  startingPack,
  termsOfTactic,
} from '../packs/picker.ts';
import type { PackTerm } from '../packs/pack-term.ts';

interface Strings {
  count: string;
  countOne: string;
  countNone: string;
  moveUp: string;
  moveDown: string;
  remove: string;
  removeShort: string;
  copied: string;
  copyFailed: string;
  failed: string;
  untitled: string;
  exportLabels: ExportLabels;
  restored: string;
  added: string;
  filterCount: string;
  filterNone: string;
  notices: Record<'renamed' | 'unknown' | 'tooMany' | 'titleCut', string>;
}

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? `{${k}}`));

/** localStorage, or nothing where it is blocked (private modes, disabled site data): the draft is a convenience. */
function draftStorage(win: Window): Storage | undefined {
  try {
    return win.localStorage;
  } catch {
    return undefined;
  }
}

export async function startPackPicker(doc: Document): Promise<void> {
  const view = doc.querySelector<HTMLElement>('[data-pack-view]')!;
  const form = doc.querySelector<HTMLFormElement>('[data-pack-form]')!;
  const strings = JSON.parse(view.dataset['strings'] ?? '{}') as Strings;
  const count = view.querySelector<HTMLElement>('[data-pack-count]')!;
  view.hidden = false;

  let opened: OpenPack;
  try {
    opened = await openPack(doc.location);
  } catch {
    count.textContent = strings.failed;
    return;
  }
  const { data, reading, bySlug } = opened;
  const catalog = { slugs: [...bySlug.keys()], redirects: data.redirects };
  const storage = draftStorage(doc.defaultView ?? window);
  const params = new URLSearchParams(doc.location.search);
  const link: Pack = { title: reading.title, slugs: reading.slugs, seed: reading.seed };
  const start = startingPack(link, params, readDraft(readStored(storage), catalog));
  let pack = start.pack;

  const notices = packNotices(reading, bySlug, strings.notices);
  if (start.from === 'draft') notices.push(strings.restored);
  if (start.from === 'added')
    notices.push(fill(strings.added, { list: link.slugs.map((slug) => bySlug.get(slug)!.title).join(', ') }));
  showNotices(view, notices);

  const titleInput = form.querySelector<HTMLInputElement>('input[name="title"]')!;
  titleInput.value = pack.title;
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[name="terms"]')];
  const announce = copyStatus(doc);
  const downloads = new Map<string, string>();

  function render(): void {
    const chosen = new Set(pack.slugs);
    for (const box of boxes) box.checked = chosen.has(box.value);
    renderList(
      view,
      pack.slugs.map((slug) => bySlug.get(slug)!),
      strings,
    );
    const n = pack.slugs.length;
    count.textContent = n === 0 ? strings.countNone : n === 1 ? strings.countOne : fill(strings.count, { count: n });
    view.querySelector<HTMLElement>('[data-pack-empty]')!.hidden = n > 0;
    view.querySelector<HTMLElement>('[data-pack-actions]')!.hidden = n === 0;
    const name = view.querySelector<HTMLElement>('[data-pack-name]')!;
    name.textContent = pack.title.trim();
    name.hidden = pack.title.trim() === '';

    // The address bar is always the pack's link, so bookmarking or copying it shares the pack.
    const empty = n === 0 && pack.title.trim() === '';
    history.replaceState(history.state, '', empty ? urls.packs() : packHref(urls.packs(), pack));
    try {
      storage?.setItem(DRAFT_KEY, draftText(pack));
    } catch {
      // Storage full or blocked: the pack is still in the address bar.
    }
    linkPackPages(view, pack);
    if (n > 0) renderDownloads(pack.slugs.map((slug) => bySlug.get(slug)!));
  }

  function renderDownloads(terms: PackTerm[]): void {
    const files = packFiles(terms, {
      title: pack.title,
      glossary: data.glossary,
      untitled: strings.untitled,
      labels: strings.exportLabels,
    });
    for (const format of PACK_FORMATS) {
      const anchor = view.querySelector<HTMLAnchorElement>(`a[data-pack-download="${format}"]`);
      if (!anchor) continue;
      const previous = downloads.get(format);
      if (previous) URL.revokeObjectURL(previous);
      const file = files[format];
      const href = URL.createObjectURL(new Blob([file.text], { type: file.type }));
      downloads.set(format, href);
      anchor.href = href;
      anchor.download = file.filename;
    }
  }

  function update(next: Pack): void {
    pack = next;
    render();
  }

  form.addEventListener('change', (event) => {
    const box = event.target as HTMLInputElement;
    if (box.name !== 'terms') return;
    update(box.checked ? addTerms(pack, [box.value]) : removeTerms(pack, [box.value]));
  });
  titleInput.addEventListener('input', () => update({ ...pack, title: titleInput.value }));
  // The pack is already live in the view and the address bar; submitting would only reload it in checkbox order.
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    view.querySelector<HTMLElement>('#pack-heading')?.focus();
  });

  const filter = form.querySelector<HTMLInputElement>('[data-pack-filter]')!;
  const filterStatus = form.querySelector<HTMLElement>('[data-filter-status]')!;
  filter.addEventListener('input', () => {
    const query = filter.value.trim();
    let shown = 0;
    for (const box of boxes) {
      const item = box.closest('li')!;
      item.hidden = !matchesFilter(bySlug.get(box.value)!, query);
      if (!item.hidden) shown++;
    }
    for (const group of form.querySelectorAll<HTMLFieldSetElement>('fieldset[data-category]')) {
      group.hidden = !group.querySelector('li:not([hidden])');
    }
    filterStatus.textContent = !query
      ? ''
      : shown === 0
        ? fill(strings.filterNone, { query })
        : fill(strings.filterCount, { shown, total: boxes.length });
  });

  for (const button of form.querySelectorAll<HTMLButtonElement>('[data-select-all]')) {
    button.hidden = false;
    button.addEventListener('click', () => {
      const group = button.closest('fieldset')!;
      const shown = [...group.querySelectorAll<HTMLInputElement>('li:not([hidden]) input[name="terms"]')].map(
        (box) => box.value,
      );
      update(addTerms(pack, shown));
    });
  }

  const tactic = form.querySelector<HTMLSelectElement>('[data-pack-tactic]')!;
  form
    .querySelector<HTMLButtonElement>('[data-add-tactic]')!
    .addEventListener('click', () => update(addTerms(pack, termsOfTactic(data.terms, tactic.value))));
  form.querySelector<HTMLElement>('[data-picker-tools]')!.hidden = false;

  view.querySelector<HTMLOListElement>('[data-pack-terms]')!.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    const item = button?.closest<HTMLElement>('li[data-slug]');
    if (!button || !item) return;
    const slug = item.dataset['slug']!;
    const action = button.dataset['action']!;
    const index = pack.slugs.indexOf(slug);
    if (action === 'remove') update(removeTerms(pack, [slug]));
    else update(moveTerm(pack, slug, action === 'up' ? -1 : 1));
    restoreFocus(view, action, slug, index);
  });

  view.querySelector<HTMLButtonElement>('[data-copy-pack]')!.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(doc.location.href);
      announce(strings.copied);
    } catch {
      announce(strings.copyFailed);
    }
  });
  view.querySelector<HTMLButtonElement>('[data-clear-pack]')!.addEventListener('click', () => {
    titleInput.value = '';
    update({ title: '', slugs: [] });
    titleInput.focus();
  });

  render();
}

function readStored(storage: Storage | undefined): string | null {
  try {
    return storage?.getItem(DRAFT_KEY) ?? null;
  } catch {
    return null;
  }
}

function showNotices(view: HTMLElement, notices: string[]): void {
  const list = view.querySelector<HTMLUListElement>('[data-pack-notices]')!;
  list.replaceChildren(
    ...notices.map((notice) => {
      const item = view.ownerDocument.createElement('li');
      item.textContent = notice;
      return item;
    }),
  );
  list.hidden = notices.length === 0;
}

function renderList(view: HTMLElement, terms: PackTerm[], strings: Strings): void {
  const doc = view.ownerDocument;
  const list = view.querySelector<HTMLOListElement>('[data-pack-terms]')!;
  const button = (action: string, text: string, label: string, disabled = false) => {
    const element = doc.createElement('button');
    element.type = 'button';
    element.dataset['action'] = action;
    element.textContent = text;
    element.setAttribute('aria-label', label);
    element.disabled = disabled;
    return element;
  };
  list.replaceChildren(
    ...terms.map((term, i) => {
      const item = doc.createElement('li');
      item.dataset['slug'] = term.slug;
      const link = doc.createElement('a');
      link.href = urls.term(term.slug);
      link.textContent = term.title;
      const meta = doc.createElement('span');
      meta.className = 'muted pack-term-meta';
      meta.textContent = term.attack ? ` ${term.qualifier} · ${term.attack.id}` : ` ${term.qualifier}`;
      const actions = doc.createElement('span');
      actions.className = 'pack-term-actions';
      actions.append(
        button('up', '↑', fill(strings.moveUp, { title: term.title }), i === 0),
        button('down', '↓', fill(strings.moveDown, { title: term.title }), i === terms.length - 1),
        button('remove', strings.removeShort, fill(strings.remove, { title: term.title })),
      );
      item.append(link, meta, actions);
      return item;
    }),
  );
}

/**
 * The list is drawn afresh after every change, so the button that was pressed is gone: focus goes to the same
 * button on the moved term (or its other arrow at either end), or after a removal to the next term's Remove.
 */
function restoreFocus(view: HTMLElement, action: string, slug: string, index: number): void {
  const items = [...view.querySelectorAll<HTMLElement>('[data-pack-terms] > li')];
  let target: HTMLElement | null | undefined;
  if (action === 'remove') {
    target = (items[index] ?? items[index - 1])?.querySelector<HTMLElement>('button[data-action="remove"]');
  } else {
    const item = items.find((li) => li.dataset['slug'] === slug);
    const same = item?.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`);
    target =
      same && !same.disabled
        ? same
        : item?.querySelector<HTMLButtonElement>(`button[data-action="${action === 'up' ? 'down' : 'up'}"]`);
  }
  (target ?? view.querySelector<HTMLElement>('#pack-heading'))?.focus();
}
