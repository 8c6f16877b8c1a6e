/**
 * The "Use in training" panel's page link can point at one section: choosing
 * it in the list rewrites the link that the Copy button next to it copies.
 * Without JavaScript the list stays hidden and the link is the page's.
 */
export function enableSectionLinks(doc: Document): void {
  for (const select of doc.querySelectorAll<HTMLSelectElement>('select[data-section-select]')) {
    const target = doc.getElementById(select.dataset['target'] ?? '');
    const base = select.dataset['url'];
    if (!target || !base) continue;
    select.closest<HTMLElement>('[data-section-choice]')?.removeAttribute('hidden');
    select.addEventListener('change', () => {
      target.textContent = select.value ? `${base}#${select.value}` : base;
    });
  }
}
