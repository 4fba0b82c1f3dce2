import { cx } from './class-names';
import { portalInfo, type Portal } from './portals';

/** The MakrX mark: one stroke of the X in white, the other in the current portal's accent. */
export function MakrXMark({ className }: { className?: string }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox="0 0 32 32"
      className={cx('size-8', className)}
      aria-hidden="true"
      focusable="false"
    >
      <rect width="32" height="32" rx="9" className="fill-ink-950" />
      <path d="M10 10 22 22" strokeWidth="4" strokeLinecap="round" className="stroke-white" />
      <path d="M22 10 10 22" strokeWidth="4" strokeLinecap="round" className="stroke-accent-400" />
    </svg>
  );
}

/** The portal's name with its own part in the accent colour, e.g. Makr·Cave. */
export function PortalWordmark({ portal, className }: { portal: Portal; className?: string }) {
  const info = portalInfo(portal);
  return (
    <span className={cx('font-bold tracking-tight text-ink-950', className)}>
      {info.prefix}
      <span className="text-accent-600">{info.suffix}</span>
    </span>
  );
}
