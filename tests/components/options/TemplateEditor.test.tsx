import { beforeEach, describe, expect, it } from 'vitest';
import { render, screen, within, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClientProvider } from '@tanstack/react-query';
import { createQueryClient } from '@/lib/ui/query-client';
import { TemplateEditor } from '@/components/options/TemplateEditor';
import { db } from '@/lib/db/schema';
import { resetDb } from '../../lib/db/helpers';

beforeEach(resetDb);

function renderEditor() {
  return render(
    <QueryClientProvider client={createQueryClient()}>
      <TemplateEditor />
    </QueryClientProvider>,
  );
}

describe('TemplateEditor', () => {
  it("lists the built-ins and previews How'm I doing? against the sample client", async () => {
    renderEditor();
    const nav = await screen.findByRole('navigation', { name: 'Templates' });
    expect(within(nav).getByRole('button', { name: /How'm I doing\? \(built-in\)/ })).toBeInTheDocument();
    const preview = screen.getByRole('region', { name: 'Preview with a sample client' });
    await waitFor(() => expect(preview).toHaveTextContent('Hi Dana,'));
    expect(preview).toHaveTextContent('Subject: Quick question, Dana');
  });

  it('shows an unknown variable as an error and will not save it', async () => {
    const user = userEvent.setup();
    renderEditor();
    await screen.findByRole('navigation', { name: 'Templates' });
    await user.click(screen.getByRole('button', { name: 'New template' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Price list');
    await user.type(screen.getByRole('textbox', { name: 'Body' }), 'Hi {{{{nick}}');
    expect(screen.getByRole('alert', { name: 'Problems in this template' })).toHaveTextContent(
      'Unknown variable {{nick}} in the body.',
    );
    expect(screen.getByRole('button', { name: 'Save template' })).toBeDisabled();
    // the preview keeps the unknown variable visible
    expect(screen.getByRole('region', { name: 'Preview with a sample client' })).toHaveTextContent('[unknown: nick]');
  });

  it('creates a template, and marks a missing value in the preview', async () => {
    const user = userEvent.setup();
    renderEditor();
    await screen.findByRole('navigation', { name: 'Templates' });
    await user.click(screen.getByRole('button', { name: 'New template' }));
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Price list');
    await user.type(screen.getByRole('textbox', { name: 'Body' }), 'Hi {{{{firstName}}, prices attached.');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(async () => expect(await db.templates.where('name').equals('Price list').count()).toBe(1));
    expect(await screen.findByRole('button', { name: 'Price list' })).toBeInTheDocument();
  });

  it('resets an edited built-in to its shipped words', async () => {
    const user = userEvent.setup();
    renderEditor();
    await screen.findByRole('navigation', { name: 'Templates' });
    const body = screen.getByRole('textbox', { name: 'Body' });
    await waitFor(() => expect((body as HTMLTextAreaElement).value).toContain('how am I doing?'));
    await user.clear(body);
    await user.type(body, 'Short one.');
    await user.click(screen.getByRole('button', { name: 'Save template' }));
    await waitFor(async () => expect((await db.templates.where('builtInKey').equals('how-am-i-doing').first())?.body).toBe('Short one.'));
    await user.click(screen.getByRole('button', { name: 'Reset to original' }));
    await waitFor(() =>
      expect((screen.getByRole('textbox', { name: 'Body' }) as HTMLTextAreaElement).value).toContain('how am I doing?'),
    );
    expect(screen.queryByRole('button', { name: 'Delete template' })).toBeNull();
  });
});
