/** The current time, ticking so "5 min ago" stays true while the popup is open. */
import { useEffect, useState } from 'preact/hooks';

export function useNow(periodMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    // A UI timer, not background code: it dies with the popup.
    const id = setInterval(() => setNow(Date.now()), periodMs);
    return () => clearInterval(id);
  }, [periodMs]);
  return now;
}
