/**
 * A term card in a frame on another site: reports its full height to the parent page (src/links/embed-message.ts),
 * and when the frame is too short for the whole definition, cuts it with an ellipsis to the lines that fit.
 */
import { embedHeightMessage, linesThatFit } from '../links/embed-message.ts';

export function startEmbedCard(win: Window): void {
  const doc = win.document;
  const card = doc.querySelector<HTMLElement>('[data-embed-card]');
  const summary = doc.querySelector<HTMLElement>('[data-embed-summary]');
  if (!card || !summary) return;
  const slug = card.dataset['embedCard'] ?? '';
  let sent = 0;

  const fit = () => {
    summary.style.setProperty('-webkit-line-clamp', 'none');
    const full = Math.ceil(card.getBoundingClientRect().height);
    const lineHeight = parseFloat(win.getComputedStyle(summary).lineHeight);
    const lines = Math.round(summary.offsetHeight / lineHeight);
    const clamp = linesThatFit(win.innerHeight - (full - summary.offsetHeight), lineHeight, lines);
    if (clamp) summary.style.setProperty('-webkit-line-clamp', String(clamp));
    // To the parent only, and only when the height changed.
    if (win.parent !== win && full !== sent) {
      sent = full;
      win.parent.postMessage(embedHeightMessage(slug, full), '*');
    }
  };
  fit();
  win.addEventListener('resize', fit);
  win.addEventListener('load', fit);
}
