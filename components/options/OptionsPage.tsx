/**
 * The options page: one section per concern, each its own component. Sections are added
 * here by one line each.
 */
import './options.css';
import { SettingsSection } from './SettingsSection';
import { DbProblemBanner } from '../DbProblemBanner';
import { MailAccessNotice } from '../MailAccessNotice';
import { TemplateEditor } from './TemplateEditor';
import { SampleDataSection } from './SampleDataSection';
import { BackupSection } from './BackupSection';
import { SpreadsheetSection } from './SpreadsheetSection';
import { RemindersSection } from './RemindersSection';
import { SyncSection } from './SyncSection';

export function OptionsPage() {
  return (
    <main className="options">
      <h1>Touchbase settings</h1>
      <p>
        <a href="/insights.html">Insights: your 80/20 clients, retention and reply speed →</a>
      </p>
      <DbProblemBanner />
      <MailAccessNotice />
      <SampleDataSection />
      <BackupSection />
      <SpreadsheetSection />
      <RemindersSection />
      <SyncSection />
      <SettingsSection />
      <TemplateEditor />
    </main>
  );
}
