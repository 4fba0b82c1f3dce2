import { CheckIcon } from '@makrx/ui';
import { useLocation } from 'react-router-dom';

/** The sentence a save left for the page it led to (router state), shown once at its top. */
export function SavedFlash({ className }: { className?: string }) {
  const { state } = useLocation();
  const flash = (state as { flash?: unknown } | null)?.flash;
  if (typeof flash !== 'string') return null;
  return (
    <p
      role="status"
      className={`flex items-start gap-2 rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm font-medium text-emerald-900 ${className ?? ''}`}
    >
      <CheckIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
      {flash}
    </p>
  );
}
