/*
 * Security Glossary link previews: <script src="https://GLOSSARY-HOST/embed/preview.js" defer></script>
 * What it recognises, fetches and does on hover, focus and touch: README.md, "Using the glossary from training
 * material". Kept under 3 KB gzipped, ASCII only (\u escapes: pages without a charset work), never throws.
 */
(() => {
  // Setup runs in a try too: a host page may have replaced any built-in (so no Object.assign).
  try {
  const doc = document;
  const script = doc.currentScript;
  let root;
  try {
    root = new URL('../', script.src); // the glossary's base: this file is <base>/embed/preview.js
  } catch {
    return;
  }
  const base = root.pathname;
  const scope = script.dataset.links; // a selector: only these links get previews

  // path -> promise of its JSON (null: 404); a failed request is forgotten
  const cache = new Map();
  const get = (path) => {
    let p = cache.get(path);
    if (!p) {
      p = fetch(new URL(path, root)).then((r) => (r.ok ? r.json() : r.status == 404 ? null : Promise.reject()));
      cache.set(path, p);
      p.catch(() => cache.delete(path));
    }
    return p.catch(() => {});
  };

  // ['terms', slug], ['attack', 'T1059.001'] or ['numbers', '1']
  const keyOf = (a) => {
    let url;
    try {
      url = new URL(a.href, location.href);
      if (url.origin != root.origin || (scope && !a.matches(scope))) return;
    } catch {
      return;
    }
    const m = /^(terms|attack|n)\/(.+?)\/?$/.exec(url.pathname.startsWith(base) ? url.pathname.slice(base.length) : '');
    const key = m && (m[1] == 'attack' ? m[2].toUpperCase().replace('/', '.') : m[2]);
    if (!m || !(m[1] == 'terms' ? /^[\w-]+$/ : m[1] == 'n' ? /^\d+$/ : /^[A-Z]+\d+(\.\d+)?$/).test(key)) return;
    return [m[1] == 'n' ? 'numbers' : m[1], key];
  };

  const vis = (e, on) => (e.style.display = on ? 'block' : 'none');
  const el = (tag, style, parent) => {
    const e = doc.createElement(tag);
    const all = { display: 'block', margin: 0, padding: 0, font: 'inherit', color: 'inherit', ...style };
    for (const k in all) e.style[k] = all[k];
    parent?.append(e);
    return e;
  };
  const box = el('div', {
    position: 'fixed', zIndex: 2147483647, boxSizing: 'border-box', width: 'max-content',
    maxWidth: 'min(352px,calc(100vw - 16px))', maxHeight: 'calc(100vh - 16px)', overflow: 'auto',
    padding: '10px 13px', background: '#fff', color: '#1b1f24', border: '1px solid #8a94a3', borderRadius: '6px',
    boxShadow: '0 4px 16px rgba(0,0,0,.18)', font: '15px/1.45 system-ui,sans-serif', textAlign: 'left',
  });
  box.id = `glossary-preview-${Math.random().toString(36).slice(2, 8)}`;
  box.setAttribute('role', 'tooltip');
  vis(box);
  const heading = el('strong', { fontWeight: 700, marginBottom: '3px' }, box);
  const summary = el('span', {}, box);
  const meta = el('span', { fontSize: '13px', color: '#4a525c', marginTop: '5px' }, box);
  const open = el('a', { marginTop: '8px', color: '#0a58ca', textDecoration: 'underline' }); // touch only
  open.textContent = 'Open';

  let current; // the link whose preview is shown
  let saved; // its own aria-describedby, restored on hide
  let wanted; // the link last pointed at, focused or tapped
  let tapped; // the link a first tap showed: a second tap follows it
  let touch; // the last pointer was a finger or a pen
  let armed;
  let timer;

  const hide = () => {
    clearTimeout(timer);
    vis(box);
    if (current) saved == null ? current.removeAttribute('aria-describedby') : current.setAttribute('aria-describedby', saved);
    current = undefined;
  };
  const dismiss = () => hide((wanted = tapped = 0));
  // A grace period lets the pointer reach the (hoverable) preview.
  const hideSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        if (current && current != tapped && current != doc.activeElement && !current.matches(':hover') && !box.matches(':hover')) hide();
      } catch {}
    }, 300);
  };

  // Below the link, or above when there is no room; always inside the window.
  const place = () => {
    if (!current) return;
    const r = current.getBoundingClientRect();
    const h = box.offsetHeight;
    const room = innerHeight - r.bottom - 14;
    const top = h <= room || room >= r.top - 14 ? r.bottom + 6 : r.top - 6 - h;
    box.style.top = `${Math.max(8, Math.min(top, innerHeight - 8 - h))}px`;
    box.style.left = `${Math.max(8, Math.min(r.left, doc.documentElement.clientWidth - 8 - box.offsetWidth))}px`;
  };

  const text = (v) => (typeof v == 'string' ? v : '');

  const show = async (a, byTouch) => {
    wanted = a;
    let [kind, slug] = keyOf(a);
    if (kind != 'terms') slug = Object(Object(await get('api/ids.json'))[kind])[slug];
    if (!/^[\w-]+$/.test(text(slug))) return;
    const term = Object(await get(`api/terms/${slug}.json`));
    const title = text(term.title);
    // Only if the pointer or focus is still there.
    if (!title || wanted != a || !(byTouch ? tapped == a : a.matches(':hover') || a == doc.activeElement)) return;
    clearTimeout(timer);
    if (current != a) {
      hide();
      current = a;
      saved = a.getAttribute('aria-describedby');
      a.setAttribute('aria-describedby', saved ? `${saved} ${box.id}` : box.id);
    }
    if (byTouch) tapped = a;
    heading.textContent = text(term.qualifier) ? `${title} (${text(term.qualifier)})` : title;
    summary.textContent = text(term.summary);
    const n = term.number;
    meta.textContent = [text(Object(term.category).name), text(Object(term.attack).id), (text(n) || typeof n == 'number') && `\u2116\u00a0${n}`].filter(Boolean).join(' \u00b7 ');
    vis(meta, meta.textContent);
    open.href = a.href;
    tapped == a ? box.append(open) : open.remove();
    if (!box.isConnected) doc.body.append(box);
    vis(box, 1);
    place();
  };

  const link = (t) => (t instanceof Element && !box.contains(t) ? t.closest('a[href]') : null);
  const start = (a, byTouch) => a && keyOf(a) && show(a, byTouch).catch(() => {});
  const on = (type, f, target = doc) =>
    target.addEventListener(
      type,
      (e) => {
        try {
          f(e);
        } catch {}
      },
      true,
    );

  on('mouseover', (e) => start(link(e.target)));
  on('focusin', (e) => start(link(e.target)));
  on('mouseout', (e) => (link(e.target) == current || box.contains(e.target)) && hideSoon());
  on('focusout', (e) => link(e.target) == current && hideSoon());
  on('keydown', (e) => {
    touch = 0;
    if (e.key == 'Escape' && current) dismiss();
  });
  on('pointerdown', (e) => {
    touch = /touch|pen/.test(e.pointerType);
    const a = link(e.target);
    armed = a && a == tapped;
    if (!box.contains(e.target) && a != current) dismiss();
  });
  // Touch: a first tap on a glossary link previews it, a second follows it.
  on('click', (e) => {
    const a = link(e.target);
    if (touch && e.detail && a && !armed && keyOf(a)) {
      e.preventDefault();
      start((tapped = a), 1);
    }
  });
  on('scroll', place, window);
  on('resize', place, window);
  } catch {}
})();
