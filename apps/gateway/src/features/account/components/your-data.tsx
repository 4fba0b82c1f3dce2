import { useSession } from '@makrx/spa-kit';
import { AlertIcon, Button, Card, FormDialog, FormField, inputClasses } from '@makrx/ui';
import { useState } from 'react';
import { useDeleteAccount, useDownloadExport } from '../api';
import { deletionOutcome } from '../presentation';

/** What the file holds, as a person would look for it. */
const exportContents = [
  'MakrX.org: your account, profile, preferences, addresses, notifications and purchase activity',
  'MakrCave: your memberships, bookings, projects, bills of materials, trainings and invoices',
  'MakrX.Store: your orders with their lines, print orders, 3D models and cart',
];

/** What deletion keeps, in short; the export's `retained` section and the README say it in full. */
const keptAfterDeletion = [
  'Orders and invoices, as tax and accounting law require (10 years), without your name, street or email.',
  'Past machine bookings, which invoices were billed from, tied to no name.',
  'The sealed audit log of important changes, which cannot be altered; older entries may still hold your name or email.',
];

function DownloadExport() {
  const download = useDownloadExport();
  return (
    <Card className="p-5 sm:p-6">
      <h2 className="text-lg font-semibold text-ink-950">Download your data</h2>
      <p className="mt-1 text-sm text-ink-700">
        One JSON file with everything MakrX holds about you, from all three services:
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-ink-700">
        {exportContents.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <Button onClick={() => download.mutate()} disabled={download.isPending}>
          {download.isPending ? 'Preparing your file…' : 'Download my data'}
        </Button>
        <p role="status" className="text-sm text-ink-600">
          {download.isSuccess ? `Saved as ${download.data}.` : ''}
        </p>
      </div>
      {download.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {download.error.message} Please try again in a moment.
        </p>
      ) : null}
    </Card>
  );
}

function DangerZone() {
  const session = useSession();
  const remove = useDeleteAccount();
  const [open, setOpen] = useState(false);
  const email = session.user?.email ?? '';
  if (remove.isSuccess)
    return (
      <Card className="border-ink-300 p-5 sm:p-6" role="status">
        <h2 className="text-lg font-semibold text-ink-950">Account deleted</h2>
        <p className="mt-1 text-sm text-ink-700">{deletionOutcome(remove.data)}</p>
        <Button className="mt-4" onClick={session.signOut}>
          Finish and leave
        </Button>
      </Card>
    );
  return (
    <section
      aria-labelledby="danger-zone"
      className="rounded-2xl border border-red-300 bg-red-50/60 p-5 sm:p-6"
    >
      <h2 id="danger-zone" className="flex items-center gap-2 text-lg font-semibold text-red-800">
        <AlertIcon className="size-5" aria-hidden="true" />
        Delete your account
      </h2>
      <p className="mt-1 text-sm text-ink-800">
        This signs you out everywhere and erases your profile, preferences, addresses,
        notifications, memberships, projects and cart across MakrX. It cannot be undone. What the
        law makes us keep:
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-ink-800">
        {keptAfterDeletion.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <Button variant="danger" className="mt-5" onClick={() => setOpen(true)}>
        Delete my account…
      </Button>
      <FormDialog
        open={open}
        tone="danger"
        title="Delete your MakrX account?"
        description={
          <>
            Type <strong className="break-all">{email}</strong> to confirm. Download your data first
            if you want to keep a copy.
          </>
        }
        submitLabel="Delete my account"
        pendingLabel="Deleting…"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onCancel={() => {
          remove.reset();
          setOpen(false);
        }}
        onSubmit={(form) => remove.mutate(String(form.get('confirmEmail') ?? ''))}
      >
        <FormField label="Your email address">
          {(field) => (
            <input
              {...field}
              name="confirmEmail"
              type="email"
              required
              autoComplete="off"
              className={inputClasses}
            />
          )}
        </FormField>
      </FormDialog>
    </section>
  );
}

/** The person's data: the export, and the deletion of their account behind a danger zone. */
export function YourData() {
  return (
    <div className="grid gap-8 lg:grid-cols-2 lg:items-start">
      <DownloadExport />
      <DangerZone />
    </div>
  );
}
