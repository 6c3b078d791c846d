/**
 * UI state of the side panel only (never data: that is in the database, read through
 * TanStack Query). Which view is shown, which participant of the thread is selected, and
 * a person picked by hand when detection failed or from the Today view.
 */
import { create } from 'zustand';

export type PanelView = 'person' | 'today';

export interface PanelState {
  view: PanelView;
  /** the participant chosen in a thread with several outside people (lower-case address) */
  selectedEmail: string | null;
  /** a client opened from Today or the search box, shown instead of the thread's person */
  openClientId: number | null;
  /** an address typed by hand when detection found nobody */
  manualEmail: string | null;
  setView(v: PanelView): void;
  selectEmail(email: string | null): void;
  openClient(id: number | null): void;
  setManualEmail(email: string | null): void;
  /** a new thread on screen: forget the choices made for the previous one */
  resetForThread(): void;
}

export const usePanelStore = create<PanelState>((set) => ({
  view: 'person',
  selectedEmail: null,
  openClientId: null,
  manualEmail: null,
  setView: (view) => set({ view }),
  selectEmail: (selectedEmail) => set({ selectedEmail, openClientId: null }),
  openClient: (openClientId) => set({ openClientId, view: 'person' }),
  setManualEmail: (manualEmail) => set({ manualEmail, openClientId: null }),
  resetForThread: () => set({ selectedEmail: null, manualEmail: null, openClientId: null }),
}));
