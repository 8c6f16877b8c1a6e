/**
 * Copy controls on term pages. Without JavaScript a "#" link still jumps to
 * its anchor; with it, the link also copies the full URL, and hidden "Copy"
 * buttons appear next to text meant to be pasted elsewhere.
 */
export function enableCopyControls(doc: Document): void {
  const status = doc.querySelector<HTMLElement>('[data-copy-status]');
  const announce = (message: string) => {
    if (status) status.textContent = message;
  };

  async function copy(text: string, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      announce(done);
    } catch {
      announce(status?.dataset['failed'] ?? '');
    }
  }

  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) {
    link.addEventListener('click', () => {
      // The browser still follows the anchor; copying is a bonus, never a replacement.
      void copy(link.href, status?.dataset['linkCopied'] ?? '');
    });
  }
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-copy-text]')) {
    const source = doc.getElementById(button.dataset['copyText'] ?? '');
    if (!source) continue;
    button.hidden = false;
    button.addEventListener('click', () => void copy(source.textContent?.trim() ?? '', status?.dataset['textCopied'] ?? ''));
  }
}
