/**
 * On a term's "Use in training" page, the page link can point at one section of the term's page: choosing it in
 * the list rewrites the link that the Copy button next to it copies. The sections come with the page as JSON
 * (catalog/stamped-pages.ts); without JavaScript the list stays hidden and the link is the whole page's.
 */
export function enableSectionLinks(doc: Document): void {
  for (const select of doc.querySelectorAll<HTMLSelectElement>('select[data-section-select]')) {
    const target = doc.getElementById(select.dataset['target'] ?? '');
    const base = select.dataset['url'];
    if (!target || !base) continue;
    let sections: unknown;
    try {
      sections = JSON.parse(select.dataset['sections'] ?? '[]');
    } catch {
      continue;
    }
    if (!Array.isArray(sections)) continue;
    for (const [id, text] of sections as unknown[][])
      if (typeof id === 'string' && typeof text === 'string') select.add(new Option(text, id));
    select.closest<HTMLElement>('[data-section-choice]')?.removeAttribute('hidden');
    select.addEventListener('change', () => {
      target.textContent = select.value ? `${base}#${select.value}` : base;
    });
  }
}
