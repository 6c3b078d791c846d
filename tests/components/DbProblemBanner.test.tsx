import { afterEach, describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type Dexie from 'dexie';
import { DbProblemBanner } from '@/components/DbProblemBanner';
import { LogButtons } from '@/components/panel/LogButtons';
import { createClient, listHistory } from '@/lib/db';
import { resetDb } from '../lib/db/helpers';
import { renderWithData } from './panel/render';

/** a database whose opening fails as the browser would fail it */
const failing = (error: Error) =>
  ({ open: () => Promise.reject(error), on: () => ({ unsubscribe() {} }), close() {} }) as unknown as Dexie;

const extension = browser.extension as unknown as { inIncognitoContext?: boolean };
const setPrivate = (v: boolean | undefined) => {
  if (v === undefined) delete extension.inIncognitoContext;
  else extension.inIncognitoContext = v;
};
afterEach(() => setPrivate(undefined));

describe('a database that cannot be used is said in words, never an endless "Loading"', () => {
  it('when opening fails', async () => {
    render(<DbProblemBanner database={failing(Object.assign(new Error('x'), { name: 'OpenFailedError' }))} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/could not be opened\. Reload the page/);
  });

  it('when the browser keeps no data for extensions (Firefox without history)', async () => {
    render(<DbProblemBanner database={failing(Object.assign(new Error('A mutation operation was attempted on a database that did not allow mutations.'), { name: 'InvalidStateError' }))} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(/does not let extensions keep data.*Never remember history/);
  });

  it('in a private window, where Firefox refuses the database, it says "private window", not the history setting', async () => {
    // what Firefox 153 does to an extension page in a private window (tests/e2e/firefox)
    setPrivate(true);
    render(<DbProblemBanner database={failing(Object.assign(new Error('A mutation operation was attempted on a database that did not allow mutations.'), { name: 'InvalidStateError' }))} />);
    expect(screen.getByRole('alert')).toHaveTextContent(/This is a private window/);
    // the failed opening comes after: it must not replace the message with a wrong cause
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.getByRole('alert')).toHaveTextContent(/This is a private window.*Use Touchbase in a normal window/);
    expect(screen.getByRole('alert')).not.toHaveTextContent(/does not let extensions keep data/);
  });

  it('in a private window, where a write is refused in words and nothing is half-saved', async () => {
    await resetDb();
    const c = await createClient({ name: 'Dana', emails: ['dana@acme.com'] });
    setPrivate(true);
    render(<DbProblemBanner />);
    expect(screen.getByRole('alert')).toHaveTextContent(/private window/);
    const user = userEvent.setup();
    renderWithData(<LogButtons clientId={c.id!} />);
    await user.click(screen.getByRole('button', { name: 'Log call' }));
    expect(await screen.findByText(/private window.*can neither show nor save/, { selector: '.error' })).toBeInTheDocument();
    expect(await listHistory(c.id!)).toEqual([]);
  });
});
