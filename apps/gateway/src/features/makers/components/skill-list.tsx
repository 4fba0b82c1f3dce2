import { Badge } from '@makrx/ui';

export function SkillList({ skills, limit }: { skills: string[]; limit?: number }) {
  const shown = limit === undefined ? skills : skills.slice(0, limit);
  const hidden = skills.length - shown.length;
  return (
    <ul className="flex flex-wrap gap-1.5" aria-label="Skills">
      {shown.map((skill) => (
        <li key={skill}>
          <Badge tone="accent">{skill}</Badge>
        </li>
      ))}
      {hidden > 0 ? (
        <li>
          <Badge>+{hidden} more</Badge>
        </li>
      ) : null}
    </ul>
  );
}
