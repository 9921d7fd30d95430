/** Whether the data sources may be fetched, and a way to ask for them from a click. */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { hasSourceAccess, requestSourceAccess } from '../../shared/host-access';
import { sendMessage } from '../../shared/protocol';

export function useSourceAccess(): { granted: boolean | undefined; request: () => void } {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    void hasSourceAccess().then(setGranted);
  }, []);
  const request = useCallback(() => {
    void requestSourceAccess().then((ok) => {
      setGranted(ok);
      // Fetch at once rather than leave the user waiting for the next alarm.
      if (ok) void sendMessage('refreshNow', {});
    });
  }, []);
  return { granted, request };
}
