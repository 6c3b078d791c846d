/**
 * A filled template as it will be sent: the subject line and the body, each gap marked
 * (RenderedText). One component for the sidebar's follow-ups and the editor's preview.
 */
import type { ReactNode } from 'react';
import type { RenderedTemplate } from '@/lib/domain/templates/render';
import { RenderedText } from './RenderedText';

export function TemplatePreview({ rendered, label, className, heading }: {
  rendered: RenderedTemplate;
  /** the region's accessible name */
  label: string;
  className: string;
  heading?: ReactNode;
}) {
  return (
    <section aria-label={label} className={`template-preview ${className}`}>
      {heading}
      <p className="template-preview-subject">
        <strong>Subject: </strong>
        <RenderedText parts={rendered.subject.parts} />
      </p>
      <div className="template-preview-body">
        <RenderedText parts={rendered.body.parts} />
      </div>
    </section>
  );
}
