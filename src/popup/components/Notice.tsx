import type { Notice as NoticeData } from '../notices';

interface NoticeProps {
  /** The sentence to show, or null for none. */
  notice: NoticeData | null;
}

/** A one-line status about the data; announced politely to screen readers. */
export function Notice({ notice }: NoticeProps) {
  if (notice === null) return null;
  return (
    <p class={`notice notice--${notice.kind}`} role="status">
      {notice.text}
    </p>
  );
}
