/**
 * The bar in a page: a `<psx-ticker-bar>` host with a closed shadow root (page scripts cannot
 * reach in), fixed to the top or bottom, above everything. Motion is a CSS transform animation
 * whose duration comes from the content's width, so the speed in px/s is constant; it pauses on
 * hover and focus and while the tab is hidden. Under reduced motion it does not scroll: items
 * page through every 8 s instead.
 */
import { textDirection, type Lang } from '../../shared/i18n/language';
import type { Settings } from '../../shared/settings';
import { applyBarDisplay, text } from './i18n';
import { barItems, chipText, nextHighlightChange, type BarData, type BarItem } from './items';
import { createElement, renderItem } from './render';
import { BAR_CSS, BAR_HEIGHT_PX } from './styles';

const SPEED_PX_PER_S = { slow: 30, normal: 60, fast: 100 } as const;
const PAGE_EVERY_MS = 8_000;

export interface BarActions {
  hideOnSite: () => void;
  hideEverywhere: () => void;
}

export interface Bar {
  update(data: BarData, settings: Settings): void;
  setVisible(visible: boolean): void;
  destroy(): void;
}

/** Only real user input acts: the page cannot click the bar's buttons with synthetic events. */
const trusted =
  (action: () => void) =>
  (event: Event): void => {
    if (event.isTrusted) action();
  };

export function mountBar(data: BarData, settings: Settings, actions: BarActions): Bar {
  const host = document.createElement('psx-ticker-bar');
  const root = host.attachShadow({ mode: 'closed' });
  const style = createElement('style', '');
  style.textContent = BAR_CSS;
  const bar = createElement('div', 'bar');
  bar.setAttribute('role', 'region');
  const chip = createElement('span', 'chip');
  const viewport = createElement('div', 'viewport');
  const track = createElement('div', 'track');
  viewport.append(track);
  const close = createElement('button', 'close', '×');
  close.type = 'button';
  close.setAttribute('aria-expanded', 'false');
  const menu = createElement('div', 'menu');
  menu.hidden = true;
  const hideSite = createElement('button', '');
  const hideAll = createElement('button', '');
  menu.append(hideSite, hideAll);
  bar.append(chip, viewport, menu, close);
  root.append(style, bar);

  close.addEventListener('click', trusted(() => {
    menu.hidden = !menu.hidden;
    close.setAttribute('aria-expanded', String(!menu.hidden));
  }));
  hideSite.addEventListener('click', trusted(actions.hideOnSite));
  hideAll.addEventListener('click', trusted(actions.hideEverywhere));

  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
  let items: BarItem[] = [];
  let keys = '';
  let page = 0;
  let pager: ReturnType<typeof setTimeout> | undefined;
  let current = settings;

  const place = (s: Settings): void => {
    host.setAttribute('data-position', s.barPosition);
  };

  /**
   * The language's direction and tag on the host (for the page and assistive technology) and on
   * the bar inside (the shadow tree's own, which no page rule reaches), and the buttons' names.
   */
  let shownLang: Lang | null = null;
  const speak = (lang: Lang): void => {
    if (lang === shownLang) return;
    shownLang = lang;
    const t = text();
    for (const node of [host, bar]) {
      node.setAttribute('dir', textDirection(lang));
      node.setAttribute('lang', t.tag);
    }
    bar.setAttribute('aria-label', t.t('bar_region'));
    close.setAttribute('aria-label', t.t('bar_menu'));
    hideSite.textContent = t.t('bar_hide_site');
    hideAll.textContent = t.t('bar_hide_everywhere');
    // Every item again, from the start of the track: the direction of the scroll changed with it.
    keys = '';
  };

  /** Push mode shifts the page by the bar's height; the page's own value comes back on removal. */
  const html = document.documentElement;
  let pushed: { property: string; value: string; priority: string } | null = null;
  const push = (s: Settings): void => {
    unpush();
    if (s.barMode !== 'push') return;
    const property = s.barPosition === 'bottom' ? 'padding-bottom' : 'padding-top';
    pushed = { property, value: html.style.getPropertyValue(property), priority: html.style.getPropertyPriority(property) };
    html.style.setProperty(property, `${BAR_HEIGHT_PX}px`, 'important');
  };
  const unpush = (): void => {
    if (!pushed) return;
    if (pushed.value) html.style.setProperty(pushed.property, pushed.value, pushed.priority);
    else html.style.removeProperty(pushed.property);
    pushed = null;
  };

  const fill = (): void => {
    clearTimeout(pager);
    if (reducedMotion.matches) {
      // No motion: show a page of items at a time, swapped every 8 s; nothing slides.
      const perPage = 6;
      const pages = Math.max(1, Math.ceil(items.length / perPage));
      page %= pages;
      track.replaceChildren(...items.slice(page * perPage, page * perPage + perPage).map(renderItem));
      if (pages > 1) pager = setTimeout(() => ((page += 1), fill()), PAGE_EVERY_MS);
      return;
    }
    // Two copies side by side: translating by -50 % loops without a seam.
    track.replaceChildren(...items.map(renderItem), ...items.map(renderItem));
    requestAnimationFrame(() => {
      const width = track.scrollWidth / 2;
      track.style.setProperty('--duration', `${Math.max(10, width / SPEED_PX_PER_S[current.barSpeed])}s`);
    });
  };

  // An alert's highlight ends on its own, without a write from the background to redraw for.
  let highlightEnd: ReturnType<typeof setTimeout> | undefined;
  const update = (next: BarData, s: Settings): void => {
    current = s;
    speak(applyBarDisplay(s));
    clearTimeout(highlightEnd);
    const end = nextHighlightChange(next.market, Date.now());
    if (end !== null) highlightEnd = setTimeout(() => update(next, current), end - Date.now() + 50);
    chip.textContent = chipText(next.market.presentation, s, Date.now());
    chip.toggleAttribute('data-stale', next.market.presentation?.stale === true);
    place(s);
    const fresh = barItems(next, s, Date.now());
    const freshKeys = fresh.map((i) => i.key).join('|');
    items = fresh;
    if (freshKeys === keys && !reducedMotion.matches) {
      // Same items: change the text in place, so the scroll position does not jump.
      const nodes = track.children;
      fresh.forEach((item, i) => {
        for (const node of [nodes[i], nodes[i + fresh.length]]) node?.replaceWith(renderItem(item));
      });
      return;
    }
    keys = freshKeys;
    fill();
  };

  const onVisibility = (): void => {
    bar.classList.toggle('paused', document.visibilityState === 'hidden');
  };
  document.addEventListener('visibilitychange', onVisibility);
  reducedMotion.addEventListener('change', fill);

  update(data, settings);
  push(settings);
  onVisibility();
  html.append(host);

  return {
    update(next, s) {
      const layoutChanged = s.barMode !== current.barMode || s.barPosition !== current.barPosition;
      update(next, s);
      if (layoutChanged) push(s);
    },
    setVisible(visible) {
      host.toggleAttribute('data-hidden', !visible);
      if (visible) push(current);
      else unpush();
    },
    destroy() {
      clearTimeout(pager);
      clearTimeout(highlightEnd);
      document.removeEventListener('visibilitychange', onVisibility);
      reducedMotion.removeEventListener('change', fill);
      unpush();
      host.remove();
    },
  };
}
