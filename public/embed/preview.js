// @ts-check
/*
 * Security Glossary term previews for other sites. Add one line to a page:
 *   <script src="https://GLOSSARY-HOST/embed/preview.js" defer></script>
 * Links to glossary terms on that page then show the term's title, qualifier and one-line definition on hover
 * and on keyboard focus (WCAG 2.2 SC 1.4.13: dismissible with Esc, hoverable, persistent).
 * It reads the glossary's static /api/terms.json, so it needs nothing but a static host. No dependencies.
 */
(() => {
  const script = /** @type {HTMLScriptElement | null} */ (document.currentScript);
  if (!script) return;
  const root = new URL('../', script.src); // the glossary's base URL: this file lives at <base>/embed/preview.js
  const termsPath = `${root.pathname}terms/`;
  // Only the one term's record is fetched, when it is first needed; a failed request is tried again next time.
  /** @type {Map<string, Promise<any>>} */
  const records = new Map();
  const load = (/** @type {string} */ slug) => {
    let record = records.get(slug);
    if (!record) {
      record = fetch(new URL(`api/terms/${encodeURIComponent(slug)}.json`, root)).then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))));
      records.set(slug, record);
      record.catch(() => records.delete(slug));
    }
    return record.catch(() => undefined);
  };
  // Pages may limit previews to some links (the glossary's own pages: links in the prose, not the cards).
  const scope = script.dataset.links;
  const inScope = (/** @type {Element} */ a) => {
    try {
      return a.matches(scope ?? '*');
    } catch {
      return true; // an invalid selector must not break the host page
    }
  };

  /** The slug a link points at, or undefined when it is not a glossary term link. */
  const slugOf = (/** @type {HTMLAnchorElement} */ a) => {
    const url = new URL(a.href, location.href);
    if (url.origin !== root.origin || !url.pathname.startsWith(termsPath)) return undefined;
    if (scope && !inScope(a)) return undefined;
    return url.pathname.slice(termsPath.length).split('/')[0] || undefined;
  };

  const box = document.createElement('div');
  box.id = `glossary-preview-${Math.random().toString(36).slice(2, 8)}`;
  box.setAttribute('role', 'tooltip');
  box.hidden = true;
  Object.assign(box.style, {
    position: 'absolute', zIndex: '2147483647', maxWidth: 'min(22rem, calc(100vw - 1rem))', padding: '0.6rem 0.8rem',
    background: '#ffffff', color: '#1b1f24', border: '1px solid #8a94a3', borderRadius: '6px',
    boxShadow: '0 4px 16px rgba(0,0,0,.18)', font: '15px/1.45 system-ui, sans-serif', textAlign: 'left',
  });
  const heading = document.createElement('strong');
  const meta = document.createElement('span');
  const summary = document.createElement('span');
  Object.assign(heading.style, { display: 'block', marginBottom: '0.2rem' });
  Object.assign(meta.style, { display: 'block', fontSize: '13px', color: '#4a525c', marginTop: '0.3rem' });
  summary.style.display = 'block';
  box.append(heading, summary, meta);

  /** @type {HTMLAnchorElement | undefined} */
  let current;
  let overBox = false;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let hideTimer;

  const hide = () => {
    clearTimeout(hideTimer);
    box.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = undefined;
  };
  // A short grace period lets the pointer travel from the link onto the preview (it is hoverable).
  const hideSoon = () => {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(() => {
      if (!overBox && current && current !== document.activeElement && !current.matches(':hover')) hide();
    }, 300);
  };

  const show = async (/** @type {HTMLAnchorElement} */ a) => {
    const slug = slugOf(a);
    if (!slug) return;
    clearTimeout(hideTimer);
    const term = await load(slug);
    if (!term || typeof term.title !== 'string') return;
    // The pointer or focus may have moved on while the record loaded.
    if (!a.matches(':hover') && a !== document.activeElement) return;
    if (current && current !== a) current.removeAttribute('aria-describedby');
    current = a;
    heading.textContent = `${term.title} (${term.qualifier})`;
    summary.textContent = term.summary;
    meta.textContent = `${term.category.name} · № ${term.number}`;
    if (!box.isConnected) document.body.append(box);
    box.hidden = false;
    a.setAttribute('aria-describedby', box.id);
    const rect = a.getBoundingClientRect();
    const left = Math.min(rect.left + scrollX, scrollX + document.documentElement.clientWidth - box.offsetWidth - 8);
    box.style.left = `${Math.max(scrollX + 8, left)}px`;
    box.style.top = `${rect.bottom + scrollY + 6}px`;
  };

  const linkFrom = (/** @type {EventTarget | null} */ target) =>
    target instanceof Element ? /** @type {HTMLAnchorElement | null} */ (target.closest('a[href]')) : null;

  document.addEventListener('mouseover', (e) => {
    const a = linkFrom(e.target);
    if (a && slugOf(a)) void show(a);
  });
  document.addEventListener('mouseout', (e) => {
    if (linkFrom(e.target) === current) hideSoon();
  });
  document.addEventListener('focusin', (e) => {
    const a = linkFrom(e.target);
    if (a && slugOf(a)) void show(a);
  });
  document.addEventListener('focusout', (e) => {
    if (linkFrom(e.target) === current) hideSoon();
  });
  box.addEventListener('mouseenter', () => { overBox = true; clearTimeout(hideTimer); });
  box.addEventListener('mouseleave', () => { overBox = false; hideSoon(); });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !box.hidden) hide();
  });
})();
