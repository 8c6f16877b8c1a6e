/**
 * Marks the table-of-contents link of the section being read with aria-current. The links work without
 * JavaScript; this only adds the marker, and changes no layout (the style for it only changes colours).
 */
export function markCurrentSection(doc: Document): void {
  const view = doc.defaultView;
  const nav = doc.querySelector<HTMLElement>('[data-toc]');
  if (!view || !nav) return;
  const entries = [...nav.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')]
    .map((link) => ({ link, target: doc.getElementById(link.getAttribute('href')!.slice(1)) }))
    .filter((entry): entry is { link: HTMLAnchorElement; target: HTMLElement } => entry.target !== null);
  if (!entries.length) return;

  // A section just jumped to stays marked while its heading is on screen, even when the page cannot scroll far
  // enough to bring it to the top (the short sections at the end).
  let jumpedTo: HTMLElement | undefined;
  let marked: HTMLAnchorElement | undefined;
  let scheduled = false;

  function update(): void {
    scheduled = false;
    const height = view!.innerHeight;
    if (jumpedTo) {
      const top = jumpedTo.getBoundingClientRect().top;
      if (top < 0 || top >= height) jumpedTo = undefined;
    }
    // The reading line sits a quarter down the screen and moves to the bottom over the last screenful of the
    // page, so that each of the last sections is marked at some point of the scroll.
    const toBottom = doc.documentElement.scrollHeight - (view!.scrollY + height);
    const line = height / 4 + Math.max(0, (height * 3) / 4 - toBottom);
    let current: HTMLAnchorElement | undefined;
    for (const { link, target } of entries) {
      if (jumpedTo ? target === jumpedTo : target.getBoundingClientRect().top <= line) current = link;
    }
    if (current === marked) return;
    marked?.removeAttribute('aria-current');
    current?.setAttribute('aria-current', 'true');
    marked = current;
  }

  function schedule(): void {
    if (scheduled) return;
    scheduled = true;
    view!.requestAnimationFrame(update);
  }

  // Compared as the browser serialises them (percent-encoded), so no decoding is needed.
  function jumpTo(hash: string): void {
    jumpedTo = entries.find((entry) => entry.link.hash === hash)?.target;
    schedule();
  }

  view.addEventListener('scroll', schedule, { passive: true });
  view.addEventListener('resize', schedule);
  // hashchange misses a second click on the same link; the click listener covers it.
  view.addEventListener('hashchange', () => jumpTo(view.location.hash));
  nav.addEventListener('click', (event) => {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[href^="#"]');
    if (link) jumpTo(link.hash);
  });
  jumpTo(view.location.hash);
}
