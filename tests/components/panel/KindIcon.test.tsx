import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { KindIcon } from '@/components/panel/KindIcon';
import { KIND_LABEL } from '@/components/panel/words';
import type { TouchKind } from '@/lib/domain/model';

describe('KindIcon', () => {
  it('draws a different line icon for every kind, hidden from screen readers', () => {
    const kinds = Object.keys(KIND_LABEL) as TouchKind[];
    const drawings = kinds.map((kind) => {
      const { container, unmount } = render(<KindIcon kind={kind} />);
      const svg = container.querySelector('svg')!;
      expect(svg).not.toBeNull();
      expect(svg.getAttribute('aria-hidden')).toBe('true');
      expect(svg.getAttribute('stroke')).toBe('currentColor');
      const d = svg.innerHTML;
      unmount();
      return d;
    });
    expect(new Set(drawings).size).toBe(kinds.length);
  });
});
