import { describe, expect, test } from 'vitest';
import {
  comboboxKey,
  renderSuggestion,
  seeAllText,
  statusText,
  toSuggestion,
  type ComboboxState,
  type ElementFactory,
} from '../../src/client/combobox.ts';

const closed: ComboboxState = { open: false, active: -1, count: 4 };
const press = (state: ComboboxState, key: string, extra: { altKey?: boolean; hasValue?: boolean } = {}) =>
  comboboxKey(state, { key, hasValue: true, ...extra });

describe('the combobox keyboard', () => {
  test('ArrowDown opens on the first option, then moves down and wraps to the first', () => {
    let state = press(closed, 'ArrowDown').state;
    expect(state).toEqual({ open: true, active: 0, count: 4 });
    const seen = [state.active];
    for (let i = 0; i < 4; i++) {
      const outcome = press(state, 'ArrowDown');
      expect(outcome.preventDefault).toBe(true);
      state = outcome.state;
      seen.push(state.active);
    }
    expect(seen).toEqual([0, 1, 2, 3, 0]);
  });

  test('ArrowUp opens on the last option, then moves up and wraps to the last', () => {
    let state = press(closed, 'ArrowUp').state;
    expect(state.active).toBe(3);
    const seen = [state.active];
    for (let i = 0; i < 4; i++) {
      state = press(state, 'ArrowUp').state;
      seen.push(state.active);
    }
    expect(seen).toEqual([3, 2, 1, 0, 3]);
    // From no highlight in an open list, ArrowUp goes to the last option.
    expect(press({ open: true, active: -1, count: 4 }, 'ArrowUp').state.active).toBe(3);
  });

  test('Alt+ArrowDown opens without highlighting; arrows do nothing without options', () => {
    expect(press(closed, 'ArrowDown', { altKey: true }).state).toEqual({ open: true, active: -1, count: 4 });
    const empty = { open: true, active: -1, count: 0 };
    expect(press(empty, 'ArrowDown')).toEqual({ state: empty, action: 'none', preventDefault: false });
    expect(press(empty, 'ArrowUp')).toEqual({ state: empty, action: 'none', preventDefault: false });
  });

  test('Enter follows the highlighted option, and submits the form when none is highlighted', () => {
    expect(press({ open: true, active: 2, count: 4 }, 'Enter')).toMatchObject({
      action: 'follow',
      preventDefault: true,
    });
    expect(press({ open: true, active: -1, count: 4 }, 'Enter')).toMatchObject({
      action: 'submit',
      preventDefault: false,
    });
    expect(press(closed, 'Enter')).toMatchObject({ action: 'submit', preventDefault: false, state: { open: false } });
    // A stale highlight past the end of a shorter list never follows.
    expect(press({ open: true, active: 5, count: 4 }, 'Enter').action).toBe('submit');
  });

  test('the first Escape closes the popup and keeps the text, the second clears it', () => {
    const first = press({ open: true, active: 1, count: 4 }, 'Escape');
    expect(first).toEqual({ state: { open: false, active: -1, count: 4 }, action: 'update', preventDefault: true });
    const second = press(first.state, 'Escape');
    expect(second.action).toBe('clear');
    expect(second.preventDefault).toBe(true);
    expect(press(first.state, 'Escape', { hasValue: false }).action).toBe('none');
  });

  test('Tab closes the popup without keeping focus; other keys are left alone', () => {
    expect(press({ open: true, active: 1, count: 4 }, 'Tab')).toEqual({
      state: { open: false, active: -1, count: 4 },
      action: 'update',
      preventDefault: false,
    });
    expect(press(closed, 'Tab').action).toBe('none');
    for (const key of ['a', 'Home', 'End', 'ArrowLeft', 'Backspace']) {
      expect(press({ open: true, active: 1, count: 4 }, key)).toMatchObject({ action: 'none', preventDefault: false });
    }
  });
});

describe('the live status and the See all option', () => {
  const strings = {
    count: '{count} results',
    countOne: '1 result',
    none: 'No results',
    seeAll: 'See all {count} results',
    seeAllOne: 'See 1 result on the search page',
  };
  test('count results, one result, none', () => {
    expect(statusText(0, strings)).toBe('No results');
    expect(statusText(1, strings)).toBe('1 result');
    expect(statusText(23, strings)).toBe('23 results');
    expect(seeAllText(23, strings)).toBe('See all 23 results');
    expect(seeAllText(1, strings)).toBe('See 1 result on the search page');
  });
});

/** A document whose elements record text and attributes, and fail the test if anything writes markup. */
function recordingDocument() {
  class FakeNode {
    children: FakeNode[] = [];
    attributes: Record<string, string> = {};
    id = '';
    href = '';
    tabIndex = 0;
    className = '';
    #text = '';
    constructor(readonly tagName: string) {}
    get textContent(): string {
      return this.#text + this.children.map((c) => c.textContent).join('');
    }
    set textContent(value: string) {
      this.#text = value;
      this.children = [];
    }
    set innerHTML(_: string) {
      throw new Error('innerHTML must not be written');
    }
    insertAdjacentHTML(): void {
      throw new Error('insertAdjacentHTML must not be called');
    }
    setAttribute(name: string, value: string): void {
      this.attributes[name] = value;
    }
    append(...nodes: FakeNode[]): void {
      this.children.push(...nodes);
    }
  }
  const doc = {
    createElement: (tag: string) => new FakeNode(tag.toUpperCase()),
    createTextNode: (text: string) => {
      const node = new FakeNode('#text');
      node.textContent = text;
      return node;
    },
  };
  return { doc: doc as unknown as ElementFactory, FakeNode };
}

describe('rendering a suggestion', () => {
  const hostile = '<img src=x onerror="alert(1)">PowerShell</span><script>alert(2)</script>';
  const data = {
    url: '/terms/powershell/',
    meta: { title: hostile, summary: '&lt;b&gt;bold&lt;/b&gt; <i>not italic</i>' },
    filters: { category: ['ATT&CK <Techniques>'] },
  };

  test('keeps every indexed string as text: hostile titles, summaries and categories show as typed', () => {
    const { doc } = recordingDocument();
    const option = renderSuggestion(doc, toSuggestion(data), 'site-search-option-0') as unknown as {
      tagName: string;
      id: string;
      href: string;
      tabIndex: number;
      attributes: Record<string, string>;
      textContent: string;
      children: {
        tagName: string;
        className: string;
        textContent: string;
        attributes: Record<string, string>;
        children: unknown[];
      }[];
    };
    expect(option.tagName).toBe('A');
    expect(option.id).toBe('site-search-option-0');
    expect(option.href).toBe('/terms/powershell/');
    expect(option.tabIndex).toBe(-1);
    expect(option.attributes).toEqual({ role: 'option', 'aria-selected': 'false' });
    // Only the elements renderSuggestion makes itself: spans with text, nothing parsed out of the strings.
    expect(option.children.map((c) => c.tagName)).toEqual(['SPAN', '#text', 'SPAN', 'SPAN']);
    for (const child of option.children) expect(child.children).toEqual([]);
    const [title, , category, summary] = option.children;
    expect(title!.textContent).toBe(hostile);
    expect(category!.textContent).toBe('ATT&CK <Techniques>');
    // Entities are not decoded either: what the index holds is what shows.
    expect(summary!.textContent).toBe('&lt;b&gt;bold&lt;/b&gt; <i>not italic</i>');
    expect(summary!.attributes['aria-hidden']).toBe('true');
  });

  test('leaves out an empty category and summary, and falls back to the URL for a missing title', () => {
    const { doc } = recordingDocument();
    const option = renderSuggestion(doc, toSuggestion({ url: '/terms/x/', meta: {} }), 'o') as unknown as {
      children: { className: string; textContent: string }[];
    };
    expect(option.children.map((c) => [c.className, c.textContent])).toEqual([['suggestion-title', '/terms/x/']]);
  });
});
