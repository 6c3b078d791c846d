import { describe, expect, it } from 'vitest';
import { findReplyBox, insertIntoReply } from '@/lib/mail/compose';

function page(html: string): Document {
  document.body.innerHTML = html; // test fixture markup, not page data
  return document;
}

describe('findReplyBox', () => {
  it('finds the visible Gmail reply box by attributes, not labels', () => {
    const doc = page(`
      <div style="display:none"><div contenteditable="true" g_editable="true" role="textbox" id="old"></div></div>
      <div role="main"><div contenteditable="true" g_editable="true" role="textbox" aria-label="Nachrichtentext" id="box"></div></div>`);
    expect(findReplyBox(doc, 'gmail')?.id).toBe('box');
  });
  it('finds the Outlook reply box', () => {
    const doc = page('<div contenteditable="true" role="textbox" aria-multiline="true" id="ol"></div>');
    expect(findReplyBox(doc, 'outlook')?.id).toBe('ol');
  });
  it('returns null when there is no reply box', () => {
    expect(findReplyBox(page('<div role="main"><p>Just reading</p></div>'), 'gmail')).toBeNull();
  });
});

describe('insertIntoReply', () => {
  it('inserts plain text with line breaks at the cursor, markup kept as text', () => {
    const doc = page('<div contenteditable="true" g_editable="true" role="textbox" id="box">Before</div>');
    const box = doc.getElementById('box')!;
    const range = doc.createRange();
    range.setStart(box.firstChild!, 6);
    range.collapse(true);
    doc.getSelection()!.removeAllRanges();
    doc.getSelection()!.addRange(range);
    let inputs = 0;
    box.addEventListener('input', () => inputs++);
    expect(insertIntoReply(doc, 'gmail', ' Hi Dana,\n<b>how</b> am I doing?')).toEqual({ ok: true });
    expect(box.textContent).toBe('Before Hi Dana,<b>how</b> am I doing?');
    expect(box.querySelectorAll('br')).toHaveLength(1);
    expect(box.querySelector('b')).toBeNull();
    expect(inputs).toBe(1);
  });
  it('says so when there is no reply box', () => {
    expect(insertIntoReply(page('<p>nothing</p>'), 'outlook', 'x')).toEqual({ ok: false, error: 'no-reply-box' });
  });
});

import { parseComposeInsert } from '@/lib/mail/compose';

describe('parseComposeInsert', () => {
  it('accepts exactly a compose:insert with text', () => {
    expect(parseComposeInsert({ type: 'compose:insert', text: 'Hi' })).toEqual({ type: 'compose:insert', text: 'Hi' });
  });
  it.each([
    ['another type', { type: 'thread:get', text: 'x' }],
    ['an extra field', { type: 'compose:insert', text: 'x', html: '<b>' }],
    ['no text', { type: 'compose:insert' }],
    ['empty text', { type: 'compose:insert', text: '' }],
    ['text that is not a string', { type: 'compose:insert', text: 42 }],
    ['oversized text', { type: 'compose:insert', text: 'x'.repeat(10_001) }],
    ['not an object', 'compose:insert'],
    ['null', null],
  ])('refuses %s', (_, raw) => expect(parseComposeInsert(raw)).toBeNull());
});
