import { describe, expect, it } from 'vitest';
import { insertReplyText } from '@/lib/mail/compose';
import { GMAIL_COMPOSE } from '@/lib/mail/gmail-selectors';
import { OUTLOOK_COMPOSE } from '@/lib/mail/outlook-selectors';

function page(html: string) {
  document.body.innerHTML = html; // test fixture markup, not page data
  (document.activeElement as HTMLElement | null)?.blur?.();
}

describe('insertReplyText', () => {
  it('uses the visible Gmail reply box (found by attributes), never the hidden earlier one', () => {
    page(`
      <div style="display:none"><div contenteditable="true" g_editable="true" role="textbox" id="old"></div></div>
      <div role="main"><div contenteditable="true" g_editable="true" role="textbox" aria-label="Nachrichtentext" id="box"></div></div>`);
    expect(insertReplyText('Hallo Dana', GMAIL_COMPOSE.replyBox)).toEqual({ ok: true });
    expect(document.getElementById('box')!.textContent).toBe('Hallo Dana');
    expect(document.getElementById('old')!.textContent).toBe('');
  });

  it('finds the Outlook reply box', () => {
    page('<div contenteditable="true" role="textbox" aria-multiline="true" id="ol"></div>');
    expect(insertReplyText('Hi Lee', OUTLOOK_COMPOSE.replyBox)).toEqual({ ok: true });
    expect(document.getElementById('ol')!.textContent).toBe('Hi Lee');
  });

  it('inserts plain text with line breaks at the cursor, markup kept as text', () => {
    page('<div contenteditable="true" g_editable="true" role="textbox" id="box">Before</div>');
    const box = document.getElementById('box')!;
    const range = document.createRange();
    range.setStart(box.firstChild!, 6);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    let inputs = 0;
    box.addEventListener('input', () => inputs++);
    expect(insertReplyText(' Hi Dana,\n<b>how</b> am I doing?', GMAIL_COMPOSE.replyBox)).toEqual({ ok: true });
    expect(box.textContent).toBe('Before Hi Dana,<b>how</b> am I doing?');
    expect(box.querySelectorAll('br')).toHaveLength(1);
    expect(box.querySelector('b')).toBeNull();
    expect(inputs).toBe(1);
  });

  it('says so when there is no reply box, and refuses bad input', () => {
    page('<div role="main"><p>Just reading</p></div>');
    expect(insertReplyText('x', GMAIL_COMPOSE.replyBox)).toEqual({ ok: false, error: 'no-reply-box' });
    expect(insertReplyText('', GMAIL_COMPOSE.replyBox)).toEqual({ ok: false, error: 'bad-input' });
    expect(insertReplyText('x'.repeat(10_001), GMAIL_COMPOSE.replyBox)).toEqual({ ok: false, error: 'bad-input' });
    expect(insertReplyText({ html: '<b>' }, GMAIL_COMPOSE.replyBox)).toEqual({ ok: false, error: 'bad-input' });
  });
});

describe('insertReplyText as an injected function', () => {
  it('uses nothing outside itself (executeScript sends only its source)', () => {
    page('<div contenteditable="true" role="textbox" aria-multiline="true" id="ol"></div>');
    // rebuild the function from its source alone, as the browser does when injecting it
    const isolated = new Function(`return (${insertReplyText.toString()})`)() as typeof insertReplyText;
    expect(isolated('Hi Lee', [...OUTLOOK_COMPOSE.replyBox])).toEqual({ ok: true });
    expect(document.getElementById('ol')!.textContent).toBe('Hi Lee');
  });
});
