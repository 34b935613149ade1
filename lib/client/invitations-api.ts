import {
  CreateInvitationResponseSchema,
  InvitationInfoSchema,
  type AcceptInvitationRequest,
  type InvitationInfo,
  type InvitationLink,
} from '@/lib/contracts/invitations';

import { apiFetch } from './api';

const seg = encodeURIComponent;

/** Invitation links: create (tenant admins, platform admins), read and accept (public, the invite page). */
export const invitationMutations = {
  /** A fresh link for an invited member of a tenant (older links stop working). */
  forMember: (slug: string, userId: string): Promise<InvitationLink> =>
    apiFetch(`/api/v1/tenants/${seg(slug)}/members/${seg(userId)}/invitation`, { method: 'POST', schema: CreateInvitationResponseSchema }),
  /** A fresh link for any user without a password (platform admins). */
  forUser: (id: string): Promise<InvitationLink> =>
    apiFetch(`/api/v1/admin/users/${seg(id)}/invitation`, { method: 'POST', schema: CreateInvitationResponseSchema }),
  accept: (token: string, body: AcceptInvitationRequest): Promise<unknown> =>
    apiFetch(`/api/v1/invitations/${seg(token)}`, { method: 'POST', body }),
};

export const getInvitation = (token: string, signal?: AbortSignal): Promise<InvitationInfo> =>
  apiFetch(`/api/v1/invitations/${seg(token)}`, { signal, schema: InvitationInfoSchema });
