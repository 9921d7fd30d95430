/**
 * The popup shell's messages (src/locales/<lang>/popup.json): header, notices, tabs, the Market
 * view, the breadth strip, fired alerts, stories and the footer. Urdu comes from the packaged
 * catalogue (i18n/urdu.ts); the catalogue test keeps both in step.
 */
import type { ComponentChild } from 'preact';
import { h } from 'preact';
import en from '../locales/en/popup.json';
import { translatorFor } from '../shared/i18n/catalogue';

export type PopupKey = keyof typeof en;

export const text = translatorFor<PopupKey>({ en });

/**
 * A message with elements in its placeholders (`as of {time}` with a `<time>` element), as
 * children: the words around them stay the catalogue's, in its order. In a right-to-left page
 * each element is isolated (`<bdi>`), as the translator isolates the values it fills in.
 */
export function withElements(key: PopupKey, elements: Readonly<Record<string, ComponentChild>>): ComponentChild[] {
  const translator = text();
  const message = translator.t(key);
  const out: ComponentChild[] = [];
  let last = 0;
  for (const match of message.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] ?? '';
    if (!(name in elements)) continue;
    if (match.index > last) out.push(message.slice(last, match.index));
    const element = elements[name];
    out.push(translator.dir === 'rtl' ? h('bdi', { key: name }, element) : element);
    last = match.index + match[0].length;
  }
  if (last < message.length) out.push(message.slice(last));
  return out;
}
