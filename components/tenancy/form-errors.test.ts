import { describe, expect, it } from 'vitest';
import { CreateRoleBindingRequestSchema } from '@/lib/contracts/admin';
import { AddTenantMemberRequestSchema } from '@/lib/contracts/tenancy';
import { ApiClientError } from '@/lib/client/api';
import { apiFieldErrors, validateWith } from './form-errors';

const byCode = (issue: { code: string }) => issue.code;

describe('form errors', () => {
  it('puts each schema issue on its field (first issue wins)', () => {
    const result = validateWith(AddTenantMemberRequestSchema, { email: 'nope', role: 'owner' }, byCode);
    expect(result).toEqual({ ok: false, errors: { email: 'invalid_format', role: 'invalid_value' } });
  });

  it('uses dotted paths for nested fields', () => {
    const result = validateWith(CreateRoleBindingRequestSchema, { email: 'bob@acme.demo', role: 'tenant-viewer', scope: {} }, byCode);
    expect(result).toEqual({ ok: false, errors: { 'scope.tenant': 'custom' } });
  });

  it('maps an API 400 to the field its param names, anything else to the form', () => {
    const onField = new ApiClientError({ status: 400, code: 'bad_request', message: 'email must be a valid email address', param: 'email' });
    expect(apiFieldErrors(onField, ['email', 'role'])).toEqual({ fields: { email: onField.message }, form: null });
    const nested = new ApiClientError({ status: 400, code: 'bad_request', message: 'x', param: 'scope.tenant' });
    expect(apiFieldErrors(nested, ['scope.tenant'])).toEqual({ fields: { 'scope.tenant': 'x' }, form: null });
    const conflict = new ApiClientError({ status: 409, code: 'conflict', message: 'already a member' });
    expect(apiFieldErrors(conflict, ['email'])).toEqual({ fields: {}, form: 'already a member' });
    expect(apiFieldErrors(null, ['email'])).toEqual({ fields: {}, form: null });
  });
});
