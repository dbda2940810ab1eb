import type { SessionUser } from '../api';

/**
 * Which area-level panels to draw for the signed-in user (the server checks every request). What a
 * user may do with one facility or institution comes with its record (`access`, decided by
 * server/auth/policy.ts), so the client never repeats the policy table.
 */
type User = Pick<SessionUser, 'role' | 'scope'> | null;

/** An administrator or municipality officer: the plan, the filing tracker and the change log. */
export const isOfficer = (u: User): boolean => u?.role === 'admin' || u?.role === 'municipality';

/** How much of a record's own section to show: all of it to those who act for it, the read-only parts to those who may read it. */
export const sectionMode = (access: readonly string[]): 'act' | 'read' | null => (access.includes('act') ? 'act' : access.includes('read') ? 'read' : null);
