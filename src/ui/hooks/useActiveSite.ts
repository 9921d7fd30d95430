/**
 * The site of the tab the popup was opened over, for "show the bar on this site only". The
 * `activeTab` permission lets the popup see that one tab's address, and only while the user is
 * using the extension on it.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../../shared/browser';
import { safeHttpUrl } from '../../shared/links';

export interface ActiveSite {
  host: string;
  /** Permission pattern for the site's origin (`https://example.com/*`). */
  pattern: string;
}

export function useActiveSite(): ActiveSite | null {
  const [site, setSite] = useState<ActiveSite | null>(null);
  useEffect(() => {
    void browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        const url = safeHttpUrl(tab?.url);
        if (url === null) return;
        const parsed = new URL(url);
        setSite({ host: parsed.host, pattern: `${parsed.protocol}//${parsed.host}/*` });
      })
      .catch(() => undefined);
  }, []);
  return site;
}
