import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveDir } from './tests/helpers/static-server.ts';
const s = await serveDir('dist');
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'] });
for (const path of ['/', '/terms/execution/']) {
  const r = await lighthouse(`${s.url}${path}`, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'] });
  const lhr = r!.lhr;
  console.log(path, Object.fromEntries(Object.entries(lhr.categories).map(([k, v]) => [k, v.score])));
  for (const [id, a] of Object.entries(lhr.audits)) if (a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'manual') console.log('  ', id, a.score, a.displayValue ?? '');
}
chrome.kill(); await s.close();
