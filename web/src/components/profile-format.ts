/** Words for a user's role and dates, shared by the account page and the public user page. */
import type { Role } from '../api/types.js';

export const ROLE_NAMES: Readonly<Record<Role, string>> = { user: 'User', moderator: 'Moderator', admin: 'Administrator' };

/** "6 December 2026", in the reader's locale. */
export function formatDate(timestamp: string): string {
  return new Date(timestamp).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
}
