import { CloseIcon, cx } from '@makrx/ui';
import { roleLabel } from '../roles';

const toneOf = (role: string) =>
  role === 'super_admin'
    ? 'bg-accent-50 text-accent-800 ring-accent-200'
    : role.startsWith('admin')
      ? 'bg-sky-50 text-sky-900 ring-sky-200'
      : 'bg-ink-100 text-ink-800 ring-ink-200';

export interface RoleChipProps {
  role: string;
  userName: string;
  /** Left out for a role this page cannot take away. */
  onRemove?: () => void;
}

export function RoleChip({ role, userName, onRemove }: RoleChipProps) {
  return (
    <span
      className={cx(
        'inline-flex h-7 items-center gap-0.5 rounded-full text-xs font-medium ring-1 ring-inset',
        onRemove ? 'pr-0.5 pl-2.5' : 'px-2.5',
        toneOf(role),
      )}
    >
      <span title={role}>{roleLabel(role)}</span>
      {onRemove ? (
        <button
          type="button"
          onClick={onRemove}
          className="grid size-6 place-items-center rounded-full opacity-70 transition hover:bg-white/80 hover:opacity-100"
        >
          <CloseIcon aria-hidden="true" className="size-3.5" />
          <span className="sr-only">
            Remove role {roleLabel(role)} from {userName}
          </span>
        </button>
      ) : null}
    </span>
  );
}
