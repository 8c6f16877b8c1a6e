/** Focuses the header search box when "/" is pressed outside a text field, as on most reference sites. */
export function focusOnSlash(doc: Document): void {
  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
    const input = doc.querySelector<HTMLInputElement>('[data-search-shortcut]');
    if (!input) return;
    event.preventDefault();
    input.focus();
    input.select();
  });
}
