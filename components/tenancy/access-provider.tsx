'use client';
import { createContext, useContext, type ReactNode } from 'react';
import { NO_ACCESS, type ConsoleAccess } from './access';

const AccessContext = createContext<ConsoleAccess>(NO_ACCESS);

/** Provides the caller's ConsoleAccess to client leaves (set once by the console layout). */
export function AccessProvider({ access, children }: { access: ConsoleAccess; children: ReactNode }) {
  return <AccessContext.Provider value={access}>{children}</AccessContext.Provider>;
}

export function useAccess(): ConsoleAccess {
  return useContext(AccessContext);
}
