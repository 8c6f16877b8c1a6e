/** The snippet README gives trainers (src/links/embed-message.ts), for the demo card on /embed/. */
import { isEmbedHeightMessage } from '../links/embed-message.ts';

export function resizeEmbeds(win: Window): void {
  win.addEventListener('message', (e) => {
    if (e.origin !== win.location.origin || !isEmbedHeightMessage(e.data)) return;
    for (const frame of win.document.querySelectorAll('iframe')) {
      if (frame.contentWindow === e.source) frame.style.height = `${e.data.height}px`;
    }
  });
}
