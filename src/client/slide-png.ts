/**
 * The "PNG" buttons of a term's training page. The build ships each term's slide as SVG only (rasterising 5,000
 * slides would cost more than the rest of the build); on request the browser draws the SVG onto a 1920×1080 canvas
 * and downloads it as PNG, for slide tools that do not take SVG.
 *
 * Each button carries the slide's URL in `data-slide-png`, the download's file name in `data-filename` and the
 * message for a failure in `data-failed` (with `{reason}`). Buttons ship `hidden`, so nothing shows without
 * JavaScript (the SVG link beside them works either way). The slide is loaded as an image from the glossary's own
 * origin, which the page policy's `img-src 'self'` allows; the PNG leaves as a `blob:` URL for a download link,
 * which no policy directive governs.
 */
const WIDTH = 1920;
const HEIGHT = 1080;
/** Long enough for the browser to start the download; revoking at once makes some browsers drop it. */
const REVOKE_AFTER_MS = 10_000;

export function enableSlidePng(doc: Document, onError?: (message: string) => void): void {
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-slide-png]')) {
    const source = button.dataset['slidePng'];
    if (!source) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      if (button.disabled) return;
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      try {
        const png = await slidePng(doc, source);
        save(doc, png, button.dataset['filename'] || 'slide.png');
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        onError?.((button.dataset['failed'] ?? '{reason}').replace('{reason}', () => reason));
      } finally {
        button.disabled = false;
        button.removeAttribute('aria-busy');
      }
    });
  }
}

/** The slide at `source` drawn onto a 1920×1080 canvas, as PNG. */
async function slidePng(doc: Document, source: string): Promise<Blob> {
  const image = new Image(WIDTH, HEIGHT);
  image.src = new URL(source, doc.baseURI).href;
  try {
    await image.decode();
  } catch {
    throw new Error(`the slide ${source} did not load`);
  }
  const canvas = doc.createElement('canvas');
  canvas.width = WIDTH;
  canvas.height = HEIGHT;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('this browser cannot draw on a canvas');
  context.drawImage(image, 0, 0, WIDTH, HEIGHT);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the browser could not encode the PNG');
  return blob;
}

/** Downloads `blob` as `filename` through a temporary link. */
function save(doc: Document, blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = doc.createElement('a');
  link.href = url;
  link.download = filename;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
