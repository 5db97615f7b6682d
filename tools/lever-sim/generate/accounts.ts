// The account's lookups: pipeline stages (built-in slugs and custom UUIDs), archive reasons and users.

import type { AccessRole, ArchiveReason, Stage, User } from '../types';
import type { Rng } from './random';
import { between } from './times';
import { asciiSlug, CUSTOM_STAGE_NAMES, FIRST_NAMES, JOB_TITLES, LAST_NAMES, WHOLE_NAMES } from './vocabulary';

const DAY = 86_400_000;

export function generateStages(rng: Rng): Stage[] {
  const custom = CUSTOM_STAGE_NAMES.map((text) => ({ id: rng.uuid(), text }));
  return [
    { id: 'lead-new', text: 'New lead' },
    { id: 'lead-reached-out', text: 'Reached out' },
    { id: 'lead-responded', text: 'Responded' },
    { id: 'applicant-new', text: 'New applicant' },
    ...custom,
    { id: 'offer', text: 'Offer' },
  ];
}

export function generateArchiveReasons(rng: Rng): ArchiveReason[] {
  const reasons: Array<[string, ArchiveReason['status'], ArchiveReason['type']]> = [
    ['Hired', 'active', 'hired'],
    ['Offer declined', 'active', 'non-hired'],
    ['Underqualified', 'active', 'non-hired'],
    ['Withdrew', 'active', 'non-hired'],
    ['Position filled', 'active', 'non-hired'],
    ['Timing, "not now"', 'active', 'non-hired'],
    ['No Response - OLD', 'inactive', 'non-hired'],
    // Appended last so that the reasons above keep their ids from the same seed.
    ['Hired - internal transfer', 'active', 'hired'],
  ];
  return reasons.map(([text, status, type]) => ({ id: rng.uuid(), text, status, type }));
}

const ROLES: ReadonlyArray<readonly [AccessRole, number]> = [
  ['super admin', 1],
  ['admin', 2],
  ['team member', 6],
  ['limited team member', 2],
  ['interviewer', 3],
];

/** Users created before the data span; about 15% (at least two when there are five or more) deactivated. */
export function generateUsers(rng: Rng, count: number, now: number, spanDays: number): User[] {
  const users: User[] = [];
  const deactivatedFrom = count >= 5 ? count - Math.max(2, Math.round(count * 0.15)) : count;
  for (let i = 0; i < count; i++) {
    const createdAt = now - (spanDays + rng.int(1, 900)) * DAY - rng.int(0, DAY);
    const name = i === 3 ? WHOLE_NAMES[0] : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
    const username = asciiSlug(name) || `user${i}`;
    users.push({
      id: rng.uuid(),
      name,
      username,
      email: `${username}${i}@example.com`,
      accessRole: i === 0 ? 'super admin' : rng.weighted(ROLES),
      photo: rng.chance(0.3) ? `https://lever-client-images.example.com/${username}.png` : null,
      createdAt,
      deactivatedAt: i >= deactivatedFrom ? between(rng, createdAt, now - DAY) : null,
      externalDirectoryId: rng.chance(0.6) ? `E${10000 + i}` : null,
      linkedContactIds: null,
      jobTitle: rng.chance(0.8) ? rng.pick(JOB_TITLES) : null,
      managerId: i > 0 && rng.chance(0.7) ? users[rng.int(0, i - 1)].id : null,
    });
  }
  return users;
}
