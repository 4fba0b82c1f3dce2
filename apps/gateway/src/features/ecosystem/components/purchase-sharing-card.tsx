import { Card, LockIcon, ShareIcon, Skeleton } from '@makrx/ui';
import { useState } from 'react';
import { useChangePurchaseSharing, usePurchaseSharing } from '../my-ecosystem-api';

/** The owner's choice to show their purchase activity on their public profile; off by default. */
export function PurchaseSharingCard() {
  const sharing = usePurchaseSharing();
  const change = useChangePurchaseSharing();
  // The ticked choice shows from the click itself, in the same render, until the server answers:
  // a controlled box that waited for the mutation's state would flick back for a frame.
  const [choosing, setChoosing] = useState<boolean | null>(null);
  const shown = choosing ?? sharing.data?.shownOnProfile;
  return (
    <Card className="p-5">
      <h2 className="flex items-center gap-2 text-lg font-semibold text-ink-950">
        {shown ? (
          <ShareIcon className="size-5 text-accent-700" />
        ) : (
          <LockIcon className="size-5 text-accent-700" />
        )}
        Who sees your purchases
      </h2>
      {sharing.isPending ? (
        <Skeleton className="mt-4 h-10 w-full" />
      ) : sharing.isError ? (
        <p className="mt-3 text-sm text-ink-700">Your choice could not be loaded just now.</p>
      ) : (
        <>
          <label className="mt-4 flex cursor-pointer items-start gap-3 text-sm text-ink-800">
            <input
              type="checkbox"
              className="mt-0.5 size-4 shrink-0 accent-accent-600"
              checked={shown ?? false}
              disabled={change.isPending}
              onChange={(event) => {
                const shownOnProfile = event.target.checked;
                setChoosing(shownOnProfile);
                change.mutate({ shownOnProfile }, { onSettled: () => setChoosing(null) });
              }}
            />
            <span>
              <span className="block font-medium text-ink-950">
                Show my purchase activity on my profile
              </span>
              <span className="block text-ink-600">
                Visitors of your public profile see how many orders you placed in each category,
                never what or when. Off, only you see it.
              </span>
            </span>
          </label>
          {change.isError ? (
            <p role="alert" className="mt-3 text-sm text-red-700">
              Your choice was not saved. Please try again.
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
