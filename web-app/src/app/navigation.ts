import type { MessageKey } from '../i18n/messages';

/** The roles in the token's `roles` claim (platform's Roles; identity-service's Role). */
export const ROLES = ['coordinator', 'volunteer', 'donor_liaison', 'operator'] as const;
export type Role = (typeof ROLES)[number];

export function knownRoles(claims: readonly string[]): Role[] {
  return ROLES.filter((role) => claims.some((claim) => claim.toLowerCase() === role));
}

export interface Screen {
  path: string;
  label: MessageKey;
  roles: readonly Role[];
}

/** The screens of this slice, in the order the navigation lists them, and who may open each. */
export const SCREENS: readonly Screen[] = [
  { path: '/visits', label: 'nav.visits', roles: ['coordinator'] },
  { path: '/assignments', label: 'nav.assignments', roles: ['volunteer'] },
  { path: '/hours', label: 'nav.hours', roles: ['volunteer'] },
  { path: '/profile', label: 'nav.profile', roles: ['volunteer'] },
  { path: '/pledges', label: 'nav.pledges', roles: ['donor_liaison', 'coordinator'] },
  { path: '/donors', label: 'nav.donors', roles: ['donor_liaison'] },
  { path: '/deliveries', label: 'nav.deliveries', roles: ['operator'] },
  { path: '/dead-letters', label: 'nav.deadLetters', roles: ['operator'] },
  { path: '/health', label: 'nav.health', roles: ['operator'] },
  { path: '/inbox', label: 'nav.inbox', roles: ROLES },
];

export function screensFor(roles: readonly string[]): Screen[] {
  const mine = knownRoles(roles);
  return SCREENS.filter((screen) => screen.roles.some((role) => mine.includes(role)));
}

export function mayOpen(path: string, roles: readonly string[]): boolean {
  return screensFor(roles).some((screen) => screen.path === path);
}
