import type { Passkey } from '@makrx/contracts';
import {
  Badge,
  Button,
  Card,
  ConfirmDialog,
  EmptyState,
  FormDialog,
  FormField,
  inputClasses,
  LockIcon,
} from '@makrx/ui';
import { useState } from 'react';
import { useAddPasskey, useRemovePasskey, useRenamePasskey } from '../api';
import { addedOn, ceremonyFailure, lastUse, suggestedName } from '../presentation';

function NameField({ defaultValue }: { defaultValue: string }) {
  return (
    <FormField label="Name" hint="So you can tell your passkeys apart, e.g. “Work laptop”.">
      {(field) => (
        <input
          {...field}
          name="name"
          required
          maxLength={60}
          defaultValue={defaultValue}
          className={inputClasses}
          data-autofocus
        />
      )}
    </FormField>
  );
}

function PasskeyCard({ passkey }: { passkey: Passkey }) {
  const rename = useRenamePasskey();
  const remove = useRemovePasskey();
  const [dialog, setDialog] = useState<'rename' | 'remove' | null>(null);
  const close = () => {
    setDialog(null);
    rename.reset();
    remove.reset();
  };
  return (
    <li>
      <Card className="flex h-full flex-col gap-4 p-5">
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <h3 className="truncate text-base font-semibold text-ink-950">{passkey.name}</h3>
            <p className="mt-1 text-sm text-ink-700">{addedOn(passkey)}</p>
            <p className="text-sm text-ink-700">{lastUse(passkey)}</p>
          </div>
          {passkey.backedUp ? <Badge tone="accent">Synced</Badge> : null}
        </div>
        <div className="mt-auto flex flex-wrap gap-2">
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setDialog('rename')}
            aria-label={`Rename ${passkey.name}`}
          >
            Rename
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setDialog('remove')}
            aria-label={`Remove ${passkey.name}`}
          >
            Remove
          </Button>
        </div>
      </Card>
      <FormDialog
        open={dialog === 'rename'}
        title="Rename passkey"
        submitLabel="Save name"
        pendingLabel="Saving…"
        pending={rename.isPending}
        error={rename.isError ? rename.error.message : undefined}
        onSubmit={(form) =>
          rename.mutate(
            { id: passkey.id, name: String(form.get('name') ?? '') },
            { onSuccess: close },
          )
        }
        onCancel={close}
      >
        <NameField defaultValue={passkey.name} />
      </FormDialog>
      <ConfirmDialog
        open={dialog === 'remove'}
        title="Remove this passkey?"
        confirmLabel="Remove passkey"
        pendingLabel="Removing…"
        tone="danger"
        pending={remove.isPending}
        error={remove.isError ? remove.error.message : undefined}
        onConfirm={() => remove.mutate(passkey.id, { onSuccess: close })}
        onCancel={close}
      >
        <p>
          “{passkey.name}” will no longer sign you in to MakrX. The copy on your device stays there
          until you delete it in your browser or password manager.
        </p>
      </ConfirmDialog>
    </li>
  );
}

/** The user's passkeys, each renamed or removed in place, and the way to add one. */
export function PasskeyList({ passkeys }: { passkeys: Passkey[] }) {
  const add = useAddPasskey();
  const [adding, setAdding] = useState(false);
  const close = () => {
    setAdding(false);
    add.reset();
  };
  const addButton = (
    <Button onClick={() => setAdding(true)} variant={passkeys.length ? 'secondary' : 'primary'}>
      Add a passkey
    </Button>
  );
  return (
    <div className="space-y-6">
      {passkeys.length === 0 ? (
        <EmptyState
          icon={<LockIcon />}
          title="No passkeys yet"
          description="Sign in with your fingerprint, face or device PIN instead of typing a password. Your password keeps working beside it."
          action={addButton}
        />
      ) : (
        <>
          <ul className="grid gap-4 sm:grid-cols-2" aria-label="Your passkeys">
            {passkeys.map((passkey) => (
              <PasskeyCard key={passkey.id} passkey={passkey} />
            ))}
          </ul>
          {addButton}
        </>
      )}
      <FormDialog
        open={adding}
        title="Add a passkey"
        description="Your browser will ask you to confirm with your fingerprint, face, device PIN or security key."
        submitLabel="Create passkey"
        pendingLabel="Waiting for your device…"
        pending={add.isPending}
        error={add.isError ? ceremonyFailure(add.error) : undefined}
        onSubmit={(form) => add.mutate(String(form.get('name') ?? ''), { onSuccess: close })}
        onCancel={close}
      >
        <NameField defaultValue={suggestedName(navigator.userAgent)} />
      </FormDialog>
    </div>
  );
}
