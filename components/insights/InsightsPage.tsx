/**
 * Insights: the portfolio at a glance, the 80/20 clients, retention over time, the
 * lifecycle after the first sale (second sale, referrers, satisfaction), reply speed and
 * the follow-ups that get answers, one section per file. Every section says
 * something useful when there is no data yet instead of showing an empty chart.
 */
import { useInsights } from '@/lib/ui/insights';
import { errorText } from '@/lib/ui/errors';
import { DbProblemBanner } from '../DbProblemBanner';
import { PortfolioSection } from './PortfolioSection';
import { ParetoSection } from './ParetoSection';
import { RetentionSection } from './RetentionSection';
import { ReplySpeedSection } from './ReplySpeedSection';
import { TemplateStatsSection } from './TemplateStatsSection';
import { LifecycleSection } from './LifecycleSection';

export function InsightsPage({ now }: { now?: number }) {
  const { data, isLoading, error } = useInsights(now);
  return (
    <main className="insights">
      <h1>Insights</h1>
      <DbProblemBanner />
      {error ? <p role="alert">{errorText(error)}</p> : null}
      {isLoading || !data ? (
        <p>Loading…</p>
      ) : (
        <>
          <PortfolioSection data={data} />
          <ParetoSection data={data} />
          <RetentionSection data={data} />
          <LifecycleSection data={data} />
          <ReplySpeedSection data={data} />
          <TemplateStatsSection data={data} />
        </>
      )}
    </main>
  );
}
