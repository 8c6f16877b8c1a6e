import { launchBrowser } from '../scripts/lib/chromium.ts';
import { serveDir } from '../scripts/lib/static-server.ts';
const server = await serveDir('dist');
const browser = await launchBrowser();
const q = '?terms=execution,powershell,windows-management-instrumentation,scheduled-task-job,unix-shell,amsi,edr,lolbins,no-such-term&title=Week%203%3A%20Execution';
for (const [name, path, width] of [['picker', '/packs/' + q, 1280], ['handout', '/packs/handout/' + q, 1280], ['cards', '/packs/flashcards/' + q, 1280], ['quiz', '/packs/quiz/' + q, 1280], ['cards-phone', '/packs/flashcards/' + q, 375]] as const) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  await page.goto(server.url + path);
  await page.waitForTimeout(1200);
  await page.screenshot({ path: `/tmp/shot-${name}.png`, fullPage: name !== 'handout' ? false : true });
  console.log(name, errors);
  await page.close();
}
const page = await browser.newPage();
await page.goto(server.url + '/packs/handout/' + q);
await page.waitForTimeout(1000);
await page.pdf({ path: '/tmp/handout.pdf', format: 'A4' });
await browser.close(); await server.close();
