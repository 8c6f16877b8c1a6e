/**
 * Copy controls on term pages. Without JavaScript a "#" link jumps to its
 * anchor; with it, the link copies the section's full URL and puts it in the
 * address bar without scrolling, and hidden "Copy" buttons appear next to text
 * meant to be pasted elsewhere. Every copy is confirmed in a visible status
 * line that screen readers also announce; neither focus nor scroll moves.
 */

/** How long the confirmation stays on screen: long enough to read twice. */
const SHOWN_MS = 4000;

const announcers = new WeakMap<HTMLElement, (message: string) => void>();

/**
 * Shows `message` in the page's copy status, then clears it. Every script on the page gets the same function, so
 * one script's timer never clears a message another has just shown.
 */
export function copyStatus(doc: Document): (message: string) => void {
  const status = doc.querySelector<HTMLElement>('[data-copy-status]');
  if (!status) return () => {};
  const known = announcers.get(status);
  if (known) return known;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const announce = (message: string) => {
    clearTimeout(timer);
    // Emptying first makes a repeated message a change, so it is announced and shown again.
    status.textContent = '';
    requestAnimationFrame(() => {
      status.textContent = message;
      timer = setTimeout(() => (status.textContent = ''), SHOWN_MS);
    });
  };
  announcers.set(status, announce);
  return announce;
}

export function enableCopyControls(doc: Document): (message: string) => void {
  const status = doc.querySelector<HTMLElement>('[data-copy-status]');
  const announce = copyStatus(doc);

  async function copy(text: string, done: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      announce(done);
    } catch {
      announce(status?.dataset['failed'] ?? '');
    }
  }

  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[data-copy-link]')) {
    link.addEventListener('click', (event) => {
      // A modified click (new tab, new window) keeps its usual meaning.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      // The address bar shows the section's link as well, as if followed, but the page stays where it is.
      history.replaceState(history.state, '', link.href);
      void copy(link.href, status?.dataset['linkCopied'] ?? '');
    });
  }
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-copy-text]')) {
    const source = doc.getElementById(button.dataset['copyText'] ?? '');
    if (!source) continue;
    button.hidden = false;
    button.addEventListener(
      'click',
      () =>
        void copy(source.textContent?.trim() ?? '', button.dataset['copied'] ?? status?.dataset['textCopied'] ?? ''),
    );
  }
  return announce;
}
