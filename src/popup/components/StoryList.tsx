import type { Story } from '../../shared/model';
import { text } from '../i18n';
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
  /** Collapsed sections show their heading only; the choice is remembered in settings. */
  collapsed: boolean;
  onToggle: () => void;
}

export function StoryList({ title, stories, now, emptyText, newSince, collapsed, onToggle }: StoryListProps) {
  // Letters of any script: an Urdu feed's title makes an id of its own, not a bare "stories-".
  const id = `stories-${title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
  // Collapsed, the triangle points along the reading direction.
  const closed = text().dir === 'rtl' ? '◂' : '▸';
  return (
    <section class="stories" aria-labelledby={id}>
      <h2 class="section-title">
        <button type="button" id={id} class="section-toggle" aria-expanded={!collapsed} aria-controls={`${id}-list`} onClick={onToggle}>
          <span aria-hidden="true">{collapsed ? closed : '▾'} </span>
          {title}
        </button>
      </h2>
      <div id={`${id}-list`} hidden={collapsed}>
        {stories.length === 0 ? (
          <p class="empty">{emptyText}</p>
        ) : (
          <ul class="story-list">
            {stories.map((story) => (
              <StoryItem key={story.id} story={story} now={now} isNew={newSince !== null && (story.firstSeenAt ?? 0) > newSince} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
