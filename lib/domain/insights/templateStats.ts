/**
 * Which follow-ups work: for each template, how often an email was sent from it, and how
 * often the client answered (an email from them) within 7 days after.
 */
import type { Template, Touchpoint } from '../model';

export interface TemplateStat {
  templateId: number;
  name: string;
  used: number;
  answered: number;
  answerRate: number | null;
}

const WEEK = 7 * 86_400_000;

export function templateStats(
  templates: Pick<Template, 'id' | 'name'>[],
  tps: Pick<Touchpoint, 'clientId' | 'at' | 'kind' | 'templateId'>[],
): TemplateStat[] {
  const inbound = new Map<number, number[]>();
  for (const t of tps) if (t.kind === 'email-in') (inbound.get(t.clientId) ?? inbound.set(t.clientId, []).get(t.clientId)!).push(t.at);
  const stats = new Map<number, { used: number; answered: number }>();
  for (const t of tps) {
    if (t.templateId === undefined) continue;
    const s = stats.get(t.templateId) ?? { used: 0, answered: 0 };
    s.used++;
    if ((inbound.get(t.clientId) ?? []).some((at) => at > t.at && at <= t.at + WEEK)) s.answered++;
    stats.set(t.templateId, s);
  }
  return templates
    .filter((t) => t.id !== undefined && stats.has(t.id))
    .map((t) => {
      const s = stats.get(t.id!)!;
      return { templateId: t.id!, name: t.name, used: s.used, answered: s.answered, answerRate: s.used ? s.answered / s.used : null };
    })
    .sort((a, b) => b.used - a.used);
}
