export const ROLES = ['user', 'moderator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Moderators and admins: the contract's **staff** access level. */
export function isStaff(role: Role): boolean {
  return role === 'moderator' || role === 'admin';
}
