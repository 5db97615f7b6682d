// The person behind an opportunity (the contact): name, headline, emails, phones, location and links.

import type { Phone } from '../types';
import type { Rng } from './random';
import {
  asciiSlug,
  COMPANIES,
  FIRST_NAMES,
  LAST_NAMES,
  LOCATIONS,
  ODD_HEADLINES,
  SCHOOLS,
  WHOLE_NAMES,
} from './vocabulary';

export interface Person {
  contact: string;
  name: string;
  headline: string;
  emails: string[];
  phones: Phone[];
  location: string;
  links: string[];
}

export function generatePerson(rng: Rng, serial: number): Person {
  const name = rng.chance(0.03) ? rng.pick(WHOLE_NAMES) : `${rng.pick(FIRST_NAMES)} ${rng.pick(LAST_NAMES)}`;
  const slug = asciiSlug(name) || 'candidate';
  return {
    contact: rng.uuid(),
    name,
    headline: headline(rng),
    emails: emails(rng, slug, serial),
    phones: rng.chance(0.6)
      ? [{ type: rng.pick(['mobile', 'home', 'work', 'other'] as const), value: phone(rng) }]
      : [],
    location: rng.chance(0.15) ? '' : rng.pick(LOCATIONS),
    links: rng.chance(0.5) ? [`https://www.linkedin.com/in/${slug.replace(/\./g, '')}${serial}`] : [],
  };
}

function headline(rng: Rng): string {
  const roll = rng.float();
  if (roll < 0.2) return '';
  if (roll < 0.25) return rng.pick(ODD_HEADLINES);
  if (roll < 0.6) return `${rng.pick(COMPANIES)}, ${rng.pick(SCHOOLS)}`;
  return rng.pick(COMPANIES);
}

function emails(rng: Rng, slug: string, serial: number): string[] {
  const roll = rng.float();
  if (roll < 0.05) return [];
  const primary = `${slug}.${serial}@example.com`;
  if (roll < 0.1) return [primary, `${slug.split('.')[0]}${serial}@example.org`];
  // Lever canonicalizes emails for the `email` filter; keep some mixed-case ones to prove it.
  return [rng.chance(0.05) ? primary.replace(/^./, (first) => first.toUpperCase()) : primary];
}

function phone(rng: Rng): string {
  return rng.pick([
    `+1 512 555 0${rng.int(100, 199)}`,
    `+44 20 7946 0${rng.int(100, 999)}`,
    `(555) 010-${rng.int(1000, 9999)}`,
    `0${rng.int(100000000, 999999999)}`,
  ]);
}
