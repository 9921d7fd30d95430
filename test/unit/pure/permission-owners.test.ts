import { describe, expect, it } from 'vitest';
import { claimed, normaliseOwners, released, type Owners } from '../../../src/shared/permission-owners';

const SITE = 'https://news.example/*';

describe('permission owners', () => {
  it.each<[string, Owners, string[], 'bar' | `feed:${string}`, Owners, string[]]>([
    ['the last owner lets go: given back', { [SITE]: ['bar'] }, [SITE], 'bar', {}, [SITE]],
    ['the bar lets go, a feed still holds it: kept', { [SITE]: ['bar', 'feed:news'] }, [SITE], 'bar', { [SITE]: ['feed:news'] }, []],
    ['a feed lets go, the bar still holds it: kept', { [SITE]: ['bar', 'feed:news'] }, [SITE], 'feed:news', { [SITE]: ['bar'] }, []],
    ['letting go of what one never held gives back only unowned origins', { [SITE]: ['feed:news'] }, [SITE, 'https://other.example/*'], 'bar', { [SITE]: ['feed:news'] }, ['https://other.example/*']],
  ])('%s', (_name, before, origins, owner, after, orphaned) => {
    expect(released(before, origins, owner)).toEqual({ owners: after, orphaned });
  });

  it('claims without duplicates', () => {
    expect(claimed(claimed({}, [SITE], 'bar'), [SITE], 'bar')).toEqual({ [SITE]: ['bar'] });
    expect(claimed({ [SITE]: ['bar'] }, [SITE], 'feed:news')).toEqual({ [SITE]: ['bar', 'feed:news'] });
  });

  it('validates what storage holds, owner by owner', () => {
    expect(normaliseOwners({ [SITE]: ['bar', 'evil', 'feed:ok', 'feed:BAD!'], x: 'not a list', y: [] })).toEqual({ [SITE]: ['bar', 'feed:ok'] });
    expect(normaliseOwners(null)).toEqual({});
  });
});
