import { createContext, useContext } from 'react';
import type { Agent, Group, Skill } from '@switchyard/api';

/** Groups, agents and skills from the server, for the inspector's pickers. */
export interface Roster {
  readonly groups: readonly Group[];
  readonly agents: readonly Agent[];
  readonly skills: readonly Skill[];
}

export const RosterContext = createContext<Roster>({ groups: [], agents: [], skills: [] });
export const useRoster = (): Roster => useContext(RosterContext);
