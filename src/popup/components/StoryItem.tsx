import { formatRelative } from '../../shared/format';
import { safeHttpUrl } from '../../shared/links';
import type { Story } from '../../shared/model';
import { text } from '../i18n';

interface StoryItemProps {
  /** A parsed story; its title is plain text and is rendered as text only. */
  story: Story;
  /** The current time, for "5 min ago". */
  now: number;
  /** First seen since the popup was last opened. */
  isNew: boolean;
}

export function StoryItem({ story, now, isNew }: StoryItemProps) {
  // The background already filtered links; checking again here costs nothing and means a
  // tampered snapshot still cannot produce a script link.
  const href = safeHttpUrl(story.link);
  return (
    <li class={isNew ? 'story story--new' : 'story'}>
      {href ? (
        <a class="story__title" href={href} target="_blank" rel="noopener noreferrer" dir="auto">
          {story.title}
        </a>
      ) : (
        <span class="story__title" dir="auto">
          {story.title}
        </span>
      )}
      <span class="story__meta">
        {isNew && <span class="story__new">{text().t('popup_story_new')} · </span>}
        {story.source}
        {story.publishedAt !== null && <> · {formatRelative(story.publishedAt, now)}</>}
      </span>
    </li>
  );
}
