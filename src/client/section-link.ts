/**
 * The "Use in training" panel's page link can point at one section: choosing
 * it in the list rewrites the link that the Copy button next to it copies.
 * Without JavaScript the list stays hidden and the link is the page's. Its
 * sections are the table of contents' (all but the panel's own), read here
 * rather than written into every page a second time.
 */
export function enableSectionLinks(doc: Document): void {
  for (const select of doc.querySelectorAll<HTMLSelectElement>('select[data-section-select]')) {
    const target = doc.getElementById(select.dataset['target'] ?? '');
    const base = select.dataset['url'];
    if (!target || !base) continue;
    for (const link of doc.querySelectorAll<HTMLAnchorElement>('[data-toc] a[href^="#"]')) {
      const id = decodeURIComponent(link.hash.slice(1));
      const section = doc.getElementById(id);
      if (!section || section.closest('[data-training]')) continue;
      select.add(new Option(link.textContent?.trim() ?? id, id));
    }
    select.closest<HTMLElement>('[data-section-choice]')?.removeAttribute('hidden');
    select.addEventListener('change', () => {
      target.textContent = select.value ? `${base}#${select.value}` : base;
    });
  }
}
