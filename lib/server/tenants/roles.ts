import 'server-only';

import { TENANT_ROLES } from '@/lib/contracts/tenancy';

/** The roles that make a user a member of a tenant. */
export const TENANT_ROLES_LIST: readonly string[] = TENANT_ROLES;
