import { useState } from 'preact/hooks';
import { text } from '../i18n';

interface AddFeedFormProps {
  /** Starts the add flow from the submit (the click the permission prompt needs). */
  onAdd: (url: string) => Promise<{ ok: boolean; message: string }>;
}

export function AddFeedForm({ onAdd }: AddFeedFormProps) {
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const submit = (event: Event): void => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    void onAdd(url).then((outcome) => {
      setBusy(false);
      setMessage({ ok: outcome.ok, text: outcome.message });
      if (outcome.ok) setUrl('');
    });
  };
  const { t } = text();
  return (
    <form class="add-feed" onSubmit={submit}>
      <label for="feed-url">{t('options_feed_add_label')}</label>
      <div class="add-feed__row">
        <input
          id="feed-url"
          type="url"
          inputMode="url"
          dir="ltr"
          placeholder="https://example.com/feed.xml"
          value={url}
          onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
          required
        />
        <button type="submit" disabled={busy} aria-busy={busy}>
          {busy ? t('options_feed_checking') : t('options_feed_add')}
        </button>
      </div>
      {message && (
        <p class={message.ok ? 'add-feed__ok' : 'add-feed__error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </form>
  );
}
