/**
 * Who asked for each optional host permission. The bar's "only on this site" grant and a feed
 * on the same site share one origin pattern: without owners, switching the bar off took the
 * feed's access away, and removing the feed took the bar's. A grant is given back only when
 * its last owner lets go.
 */
import { browser } from './browser';
import { needsOptionalGrant, originPattern } from './feeds';
import { feedsItem } from './settings-items';
import { defineItem } from './storage/item';

/** `bar`, or `feed:<id>`. */
export type PermissionOwner = 'bar' | `feed:${string}`;

export type Owners = Record<string, PermissionOwner[]>;

const isOwner = (o: unknown): o is PermissionOwner => o === 'bar' || (typeof o === 'string' && /^feed:[a-z0-9-]{1,40}$/.test(o));

export function normaliseOwners(raw: unknown): Owners {
  const out: Owners = {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return out;
  for (const [origin, owners] of Object.entries(raw as Record<string, unknown>).slice(0, 50)) {
    if (origin.length > 300 || !Array.isArray(owners)) continue;
    const valid = [...new Set(owners.filter(isOwner))];
    if (valid.length > 0) out[origin] = valid;
  }
  return out;
}

export const permissionOwnersItem = defineItem<Owners>({
  area: 'local',
  key: 'permissionOwners',
  version: 1,
  normalise: normaliseOwners,
});

/** Pure: `owner` holds `origins`. */
export function claimed(owners: Owners, origins: readonly string[], owner: PermissionOwner): Owners {
  const next = { ...owners };
  for (const o of origins) next[o] = [...new Set([...(next[o] ?? []), owner])];
  return next;
}

/** Pure: `owner` lets go of `origins`; returns the new table and the origins nobody holds any more. */
export function released(owners: Owners, origins: readonly string[], owner: PermissionOwner): { owners: Owners; orphaned: string[] } {
  const next = { ...owners };
  const orphaned: string[] = [];
  for (const o of origins) {
    const left = (next[o] ?? []).filter((x) => x !== owner);
    if (left.length > 0) next[o] = left;
    else {
      delete next[o];
      orphaned.push(o);
    }
  }
  return { owners: next, orphaned };
}

export async function claimOrigins(origins: readonly string[], owner: PermissionOwner): Promise<void> {
  const saved = await permissionOwnersItem.update((owners) => claimed(owners, origins, owner));
  if (!saved.ok) console.warn('permission owners not saved:', saved.error.detail);
}

/** Lets go of `origins` for `owner`, and gives back to the browser those nobody else holds. */
export async function releaseOrigins(origins: readonly string[], owner: PermissionOwner): Promise<string[]> {
  let orphaned: string[] = [];
  const saved = await permissionOwnersItem.update((owners) => {
    const result = released(owners, origins, owner);
    orphaned = result.orphaned;
    return result.owners;
  });
  // Not recorded: keep the access rather than risk cutting another feature's.
  if (!saved.ok) {
    console.warn('permission owners not saved; access kept:', saved.error.detail);
    return [];
  }
  // Grants made before owners were recorded (0.1.0) have no entry: a feed in the list still
  // needs its site whatever the table says, so such an origin is kept too.
  const feeds = await feedsItem.get();
  const inUse = new Set(feeds.filter((f) => needsOptionalGrant(f.url) && `feed:${f.id}` !== owner).map((f) => originPattern(f.url)));
  const giveBack = orphaned.filter((o) => !inUse.has(o));
  if (giveBack.length > 0) {
    await browser.permissions.remove({ origins: giveBack }).catch((cause: unknown) => console.warn('could not give access back:', cause));
  }
  return giveBack;
}
