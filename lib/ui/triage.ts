/** One-click triage (lib/db/triage.ts, lib/domain/snooze.ts) as writes. */
import { markNoReplyNeeded, undoNoReplyNeeded } from '../db/triage';
import { updateClient } from '../db/clients';
import type { TouchpointRef } from '../domain/model';
import { dormantSnoozeEnd } from '../domain/dormant';
import { useWrite } from './write';

/** Marks the client's waiting emails as needing no reply; resolves to what it marked (for the undo). */
export function useNoReplyNeeded() {
  return useWrite({ mutationFn: (clientId: number) => markNoReplyNeeded(clientId) });
}

export function useUndoNoReplyNeeded() {
  return useWrite({ mutationFn: (refs: TouchpointRef[]) => undoNoReplyNeeded(refs) });
}

/** Snoozes a client until a moment, or wakes them (`until: null`). */
export function useSnooze() {
  return useWrite({ mutationFn: (a: { clientId: number; until: number | null }) => updateClient(a.clientId, { snoozedUntil: a.until }) });
}

/** A dormant client: let them go (the stage set to former by hand, from now) ... */
export function useMarkFormer() {
  return useWrite({ mutationFn: (clientId: number) => updateClient(clientId, { stageOverride: 'former' }) });
}

/** ... or hide the dormant flag for a while (it comes back if they still buy nothing). */
export function useSnoozeDormant() {
  return useWrite({ mutationFn: (clientId: number) => updateClient(clientId, { dormantSnoozedUntil: dormantSnoozeEnd(Date.now()) }) });
}
