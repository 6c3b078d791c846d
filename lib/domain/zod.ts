/**
 * zod, set up once for an extension: jitless. By default zod probes `new Function` and
 * compiles fast parsers with it; under an extension's content security policy that probe is
 * reported as a violation (in the background and the options page) even though zod catches
 * it. The setting must come before any schema is made (zod decides when it builds an object
 * schema), so every file of ours takes `z` from here, never from 'zod' directly.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
