/**
 * The steps every spreadsheet import of the options page takes, in one place: a chosen file
 * read and its columns guessed, a plan (what would be written, the rows skipped and why)
 * made again whenever the user changes a column, then one all-or-nothing write. The
 * contacts and the sales imports differ only in what they read, plan and write.
 */
import { useState } from 'react';
import { errorText } from './errors';

export function useCsvImport<Parsed extends { mapping: Mapping }, Mapping, Plan, Result>(steps: {
  read: (file: File) => Promise<Parsed>;
  plan: (parsed: Parsed, mapping: Mapping) => Promise<Plan>;
  write: (plan: Plan) => Promise<Result>;
  /** the words of a write that went through */
  done: (result: Result) => string;
}) {
  const [parsed, setParsed] = useState<(Parsed & { fileName: string }) | null>(null);
  const [mapping, setMappingState] = useState<Mapping | null>(null);
  const [plan, setPlan] = useState<Plan | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const replan = async (p: Parsed, m: Mapping) => {
    try {
      setPlan(await steps.plan(p, m));
      setMessage(null);
    } catch (e) {
      setPlan(null);
      setMessage({ kind: 'error', text: errorText(e) });
    }
  };

  return {
    parsed,
    mapping,
    plan,
    message,
    /** a column chosen by hand: the plan is made again */
    setMapping: (m: Mapping) => {
      setMappingState(m);
      if (parsed) void replan(parsed, m);
    },
    onFile: async (file?: File) => {
      setParsed(null);
      setPlan(null);
      setMessage(null);
      if (!file) return;
      try {
        const p = await steps.read(file);
        // the preview appears with its plan, never half-made
        await replan(p, p.mapping);
        setParsed({ ...p, fileName: file.name });
        setMappingState(p.mapping);
      } catch (e) {
        setMessage({ kind: 'error', text: `${file.name}: ${errorText(e)}` });
      }
    },
    doImport: async () => {
      if (!plan) return;
      try {
        const r = await steps.write(plan);
        setMessage({ kind: 'ok', text: steps.done(r) });
        setParsed(null);
        setPlan(null);
      } catch (e) {
        setMessage({ kind: 'error', text: `Nothing was imported: ${errorText(e)}` });
      }
    },
    cancel: () => {
      setParsed(null);
      setPlan(null);
    },
  };
}
