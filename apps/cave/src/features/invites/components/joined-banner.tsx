import { CheckIcon } from '@makrx/ui';

/** Shown once an invite has made the visitor a member (the invite page lands here). */
export function JoinedBanner({ name }: { name: string }) {
  return (
    <p
      role="status"
      className="mb-6 flex items-center gap-3 rounded-2xl border border-cave-200 bg-cave-50 px-5 py-4 text-cave-900"
    >
      <CheckIcon className="size-5 shrink-0 text-cave-700" aria-hidden />
      <span>
        <strong className="font-semibold">Welcome to {name}.</strong> You are a member now; the
        makerspace is among yours in MakrCave.
      </span>
    </p>
  );
}
