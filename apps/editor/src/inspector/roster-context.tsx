import { createContext, useContext } from 'react';
import type { Agent, Group } from '../api/schemas';

/** Groups and agents from the server, for the inspector's pickers. */
export interface Roster {
  readonly groups: readonly Group[];
  readonly agents: readonly Agent[];
}

export const RosterContext = createContext<Roster>({ groups: [], agents: [] });
export const useRoster = (): Roster => useContext(RosterContext);
