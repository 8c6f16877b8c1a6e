import { describe, expect, test } from 'vitest';
import { htmlToText } from '../../src/text/plain-text.ts';

describe('htmlToText: copy-link labels are plain text, so a title is never escaped twice', () => {
  test.each([
    ['What is ATT&amp;CK Navigator?', 'What is ATT&CK Navigator?'],
    [
      '&lt;script&gt; in a &quot;title&quot; &#39;quoted&#39; &#x27;too&#x27;',
      "<script> in a \"title\" 'quoted' 'too'",
    ],
    ['Run <code>cmd.exe &amp;&amp; whoami</code> <!-- note -->now', 'Run cmd.exe && whoami now'],
    ['Already plain text', 'Already plain text'],
    ['&unknown; stays, &#0; is replaced', '&unknown; stays, \ufffd is replaced'],
  ])('reads %j as %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
});
