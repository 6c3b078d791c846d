// The InboxSDK as an extension built on it ships it: bundled into its content script. It is
// only loaded: `InboxSDK.load` needs an app id registered with its makers and the network,
// which the benchmark does not give it (BENCHMARKS.md, "Peers").
import * as InboxSDK from '@inboxsdk/core';

(globalThis as { __peer?: unknown }).__peer = InboxSDK;
