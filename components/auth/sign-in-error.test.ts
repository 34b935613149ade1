import { describe, expect, it } from 'vitest';
import { TOO_MANY_SIGN_INS } from '@/lib/contracts/auth';

import { describeSignInError } from './sign-in-error';

describe('describeSignInError', () => {
  it('maps every ordinary failure to the one generic message', () => {
    expect(describeSignInError('CredentialsSignin')).toEqual({ kind: 'generic' });
    expect(describeSignInError('Email or password is incorrect')).toEqual({ kind: 'generic' });
    expect(describeSignInError('Email or password is incorrect.')).toEqual({ kind: 'generic' });
    expect(describeSignInError('')).toEqual({ kind: 'generic' });
  });

  it('hides next-auth internal codes behind "unavailable"', () => {
    expect(describeSignInError('Configuration')).toEqual({ kind: 'unavailable' });
    expect(describeSignInError('OAuthSignin')).toEqual({ kind: 'unavailable' });
  });

  it('shows the translated throttling notice for the server\'s too-many-attempts code', () => {
    expect(describeSignInError(TOO_MANY_SIGN_INS)).toEqual({ kind: 'throttled' });
  });

  it('passes a server sentence such as a lockout notice through', () => {
    expect(describeSignInError('Too many attempts. Try again in 15 minutes.')).toEqual({
      kind: 'message',
      message: 'Too many attempts. Try again in 15 minutes.',
    });
  });
});
