/**
 * The matrix's names carry soft hyphens (src/catalog/hyphenate.ts) so that narrow columns break words where a
 * dictionary would. Chromium keeps them in copied text, where they turn "Reconnaissance" into a string that no
 * longer matches a search or a spreadsheet cell; copying from the page drops them.
 */
document.addEventListener('copy', (event) => {
  const text = document.getSelection()?.toString() ?? '';
  if (!text.includes('\u00ad') || !event.clipboardData) return;
  event.clipboardData.setData('text/plain', text.replaceAll('\u00ad', ''));
  event.preventDefault();
});
