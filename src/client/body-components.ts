/**
 * Turns the no-JavaScript form of body components into their interactive
 * form: copy buttons on code blocks, and WAI-ARIA tabs (arrow keys, Home,
 * End) out of the panels that otherwise show one after another under their
 * own headings.
 */
export function enableBodyComponents(doc: Document, announce: (message: string) => void, copied: string): void {
  for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-copy-code]')) {
    const code = button.closest('.code-block')?.querySelector('code');
    if (!code) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(code.textContent ?? '');
        announce(copied);
      } catch {
        // Copying can be refused (no permission, insecure context); the code stays selectable.
      }
    });
  }
  doc.querySelectorAll<HTMLElement>('[data-tabs]').forEach(makeTabs);
}

function makeTabs(container: HTMLElement): void {
  const panels = [...container.querySelectorAll<HTMLElement>(':scope > .tab-panel')];
  if (panels.length < 2) return;
  const list = container.ownerDocument.createElement('div');
  list.className = 'tab-list';
  list.setAttribute('role', 'tablist');
  const tabs = panels.map((panel) => {
    const label = panel.querySelector<HTMLElement>(':scope > .tab-label');
    const tab = container.ownerDocument.createElement('button');
    tab.type = 'button';
    tab.id = `${panel.id}-tab`;
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', panel.id);
    tab.textContent = label?.textContent ?? '';
    if (label) label.hidden = true;
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    panel.tabIndex = 0;
    list.append(tab);
    return tab;
  });
  const select = (index: number, focus: boolean) => {
    tabs.forEach((tab, i) => {
      const selected = i === index;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      panels[i]!.hidden = !selected;
    });
    if (focus) tabs[index]!.focus();
  };
  list.addEventListener('click', (event) => {
    const index = tabs.indexOf((event.target as HTMLElement).closest('[role="tab"]') as HTMLButtonElement);
    if (index >= 0) select(index, false);
  });
  list.addEventListener('keydown', (event) => {
    const current = tabs.indexOf(event.target as HTMLButtonElement);
    const last = tabs.length - 1;
    const next = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: last }[event.key];
    if (next === undefined || current < 0) return;
    event.preventDefault();
    select((next + tabs.length) % tabs.length, true);
  });
  container.prepend(list);
  select(0, false);
}
