/**
 * QR codes for the printed handout, as inline SVG markup. The site's CSP allows no inline styles
 * and no data: URLs, so the code is one <path> coloured by attribute, and it prints in whatever
 * colour the surrounding text has.
 */
import { encode } from 'uqr';

/**
 * M recovers about 15% of damaged modules: enough for a creased or smudged handout, while the
 * code stays small enough to scan from a term's row.
 */
const ERROR_CORRECTION = 'M';

/** The blank margin the QR specification requires around the code, in modules. */
export const QUIET_ZONE = 4;

export interface QrOptions {
  /** The accessible name of the image, e.g. "Link to Execution". */
  label: string;
}

/**
 * An SVG of the QR code for `text`. Each run of dark modules along a row becomes one rectangle
 * of the path, which keeps the markup a few kilobytes even for long URLs.
 */
export function qrSvg(text: string, { label }: QrOptions): string {
  const modules = qrModules(text);
  const side = modules.length + 2 * QUIET_ZONE;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" role="img" shape-rendering="crispEdges">` +
    `<title>${escapeXml(label)}</title>` +
    `<path fill="currentColor" d="${darkRunsPath(modules)}"/>` +
    `</svg>`
  );
}

/** The module matrix, `true` for dark, without the quiet zone. */
export function qrModules(text: string): boolean[][] {
  try {
    return encode(text, { ecc: ERROR_CORRECTION, border: 0 }).data;
  } catch (cause) {
    if (!(cause instanceof RangeError && cause.message === 'Data too long')) throw cause;
    throw new RangeError(
      `The QR code could not hold the text given (${text.length} characters): a QR code at error correction ` +
        `level ${ERROR_CORRECTION} holds at most about 2,300 bytes. Link to something shorter, such as the term's short URL.`,
      { cause },
    );
  }
}

function darkRunsPath(modules: readonly (readonly boolean[])[]): string {
  let d = '';
  modules.forEach((row, y) => {
    let x = 0;
    while (x < row.length) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (row[x]) x++;
      d += `M${start + QUIET_ZONE} ${y + QUIET_ZONE}h${x - start}v1h-${x - start}z`;
    }
  });
  return d;
}

/**
 * Escapes text for SVG markup, and drops what XML cannot contain at all (most control characters,
 * lone surrogates), which would make the whole image fail to parse when inserted.
 */
function escapeXml(text: string): string {
  return text
    .toWellFormed()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
