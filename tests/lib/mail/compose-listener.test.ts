import { describe, expect, it } from 'vitest';
import { listenForCompose } from '@/lib/mail/compose-listener';

function fakeRuntime() {
  const listeners: ((m: unknown, s: { id?: string; tab?: unknown }) => unknown)[] = [];
  return {
    id: 'our-id',
    listeners,
    onMessage: {
      addListener: (cb: never) => listeners.push(cb),
      removeListener: (cb: never) => listeners.splice(listeners.indexOf(cb), 1),
    },
  };
}

describe('listenForCompose', () => {
  it('inserts text sent by our own extension page, and refuses other senders', async () => {
    document.body.innerHTML = '<div contenteditable="true" g_editable="true" role="textbox" id="box"></div>';
    const rt = fakeRuntime();
    const ac = new AbortController();
    listenForCompose(rt, 'gmail', document, ac.signal);
    const [listener] = rt.listeners;
    expect(await listener({ type: 'compose:insert', text: 'Hi Dana' }, { id: 'our-id' })).toEqual({ ok: true });
    expect(document.getElementById('box')!.textContent).toBe('Hi Dana');
    expect(await listener({ type: 'compose:insert', text: 'x' }, { id: 'other-extension' })).toEqual({ ok: false, error: 'refused' });
    expect(await listener({ type: 'compose:insert', text: 'x' }, { id: 'our-id', tab: { id: 3 } })).toEqual({ ok: false, error: 'refused' });
    expect(listener({ type: 'compose:insert', text: '<b>x</b>', extra: 1 }, { id: 'our-id' })).toBeUndefined();
    expect(document.getElementById('box')!.textContent).toBe('Hi Dana');
    ac.abort();
    expect(rt.listeners).toHaveLength(0);
  });
});
