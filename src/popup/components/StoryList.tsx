import type { Story } from '../../shared/model';
import { StoryItem } from './StoryItem';

interface StoryListProps {
  /** Heading of the section ("World"). */
  title: string;
  /** Stories, newest first. */
  stories: Story[];
  /** The current time, for relative dates. */
  now: number;
  /** Shown instead of the list while there are no stories. */
  emptyText: string;
  /** Stories first seen after this time are marked new; null marks none. */
  newSince: number | null;
}

export function StoryList({ title, stories, now, emptyText, newSince }: StoryListProps) {
  const id = `stories-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section class="stories" aria-labelledby={id}>
      <h2 id={id} class="section-title">
        {title}
      </h2>
      {stories.length === 0 ? (
        <p class="empty">{emptyText}</p>
      ) : (
        <ul class="story-list">
          {stories.map((story) => (
            <StoryItem key={story.id} story={story} now={now} isNew={newSince !== null && (story.firstSeenAt ?? 0) > newSince} />
          ))}
        </ul>
      )}
    </section>
  );
}
