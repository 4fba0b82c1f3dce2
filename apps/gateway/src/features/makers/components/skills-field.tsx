import { Badge, CloseIcon, FormField, inputClasses } from '@makrx/ui';
import { profileLimits } from '@makrx/contracts/profile-limits';
import { useState } from 'react';
import { skillToAdd } from '../presentation';

/** Skills as chips: typed and added with Enter or a comma, removed with their ✕. */
export function SkillsField({
  skills,
  onChange,
  error,
}: {
  skills: string[];
  onChange: (skills: string[]) => void;
  error?: string | undefined;
}) {
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const add = () => {
    const result = skillToAdd(typed, skills);
    if (!result) return;
    if ('error' in result) return setProblem(result.error);
    onChange([...skills, result.skill]);
    setTyped('');
    setProblem(null);
  };
  return (
    <FormField
      label="Skills"
      hint={`What you are good at, up to ${profileLimits.skills}. Press Enter after each.`}
      error={problem ?? error}
    >
      {(field) => (
        <div>
          {skills.length > 0 ? (
            <ul className="mb-2 flex flex-wrap gap-1.5" aria-label="Your skills">
              {skills.map((skill) => (
                <li key={skill}>
                  <Badge tone="accent">
                    {skill}
                    <button
                      type="button"
                      className="-mr-1 ml-0.5 rounded-full p-0.5 hover:bg-accent-200"
                      aria-label={`Remove ${skill}`}
                      onClick={() => onChange(skills.filter((s) => s !== skill))}
                    >
                      <CloseIcon className="size-3" />
                    </button>
                  </Badge>
                </li>
              ))}
            </ul>
          ) : null}
          <input
            {...field}
            className={inputClasses}
            value={typed}
            placeholder="e.g. Laser cutting"
            maxLength={profileLimits.skill + 1}
            onChange={(event) => {
              setTyped(event.target.value);
              setProblem(null);
            }}
            onBlur={add}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ',') {
                event.preventDefault();
                add();
              }
            }}
          />
        </div>
      )}
    </FormField>
  );
}
