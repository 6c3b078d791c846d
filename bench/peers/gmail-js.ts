// gmail-js as an extension built on it ships it: with jQuery, in the page. It is loaded and
// given the one job Touchbase's content script does, knowing the open thread
// (`observe.on('view_thread')`), with no account and no network (BENCHMARKS.md, "Peers").
import jQuery from 'jquery';
import { Gmail } from 'gmail-js';

const gmail = new Gmail(jQuery);
gmail.observe.on('view_thread', () => undefined);
(globalThis as { __peer?: unknown }).__peer = gmail;
