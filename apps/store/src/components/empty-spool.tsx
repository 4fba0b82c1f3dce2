/** An empty filament spool: the store's picture for "nothing here". */
export function EmptySpool({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 240 240" className={className} aria-hidden="true" focusable="false">
      <ellipse cx="120" cy="222" rx="78" ry="9" fill="#0f172a" opacity="0.08" />
      <circle cx="128" cy="108" r="96" fill="#fed7aa" />
      <circle cx="120" cy="114" r="96" fill="#fff7ed" stroke="#fdba74" strokeWidth="10" />
      <circle cx="120" cy="114" r="84" fill="none" stroke="#fed7aa" strokeWidth="2" />
      {[30, 150, 270].map((angle) => (
        <rect
          key={angle}
          x="113"
          y="30"
          width="14"
          height="50"
          rx="6"
          fill="#fdba74"
          transform={`rotate(${angle} 120 114)`}
        />
      ))}
      <circle cx="120" cy="114" r="40" fill="#fb923c" />
      <circle cx="120" cy="114" r="15" fill="#fff7ed" />
      <path
        d="M182 170c18 10 26 26 20 40"
        fill="none"
        stroke="#c2410c"
        strokeWidth="5"
        strokeLinecap="round"
        strokeDasharray="2 10"
      />
    </svg>
  );
}
