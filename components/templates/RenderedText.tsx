import type { RenderPart } from '@/lib/domain/templates/render';

/**
 * A rendered template as React text: filled variables plain, missing ones marked (with a
 * label, not only a colour) so the user sees what to fill in, unknown ones flagged.
 */
export function RenderedText({ parts }: { parts: RenderPart[] }) {
  return (
    <>
      {parts.map((p, i) => {
        if (p.kind === 'text' || p.kind === 'value') return <span key={i}>{p.text}</span>;
        const title = p.kind === 'missing' ? `No value for {{${p.name}}}: fill it in` : `Unknown variable {{${p.name}}}`;
        return (
          <mark key={i} className={`tpl-gap tpl-${p.kind}`} title={title}>
            {p.text}
          </mark>
        );
      })}
    </>
  );
}
