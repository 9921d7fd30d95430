/**
 * The single import of webextension-polyfill. Everything else imports `browser` from here, so
 * unit tests replace this one module with an in-memory fake browser.
 */
import browser from 'webextension-polyfill';

export type Browser = typeof browser;
export type { Runtime, Storage } from 'webextension-polyfill';
export { browser };
