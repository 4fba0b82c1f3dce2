import type { AuditSuggestion } from '@makrx/contracts';
import { cx } from '@makrx/ui';
import { useDeferredValue, useId, useState, type KeyboardEvent } from 'react';
import { useAuditSuggestions } from '../api';

export interface SuggestionFieldProps {
  kind: 'person' | 'entity';
  label: string;
  placeholder: string;
  /** What is chosen now, as the field shows it; empty for nothing. */
  chosenLabel: string;
  onChoose: (suggestion: AuditSuggestion | null) => void;
  inputClassName: string;
}

/**
 * A type-ahead (WAI-ARIA combobox with a list box): typing asks the service for matches by
 * name, email, kind or id; arrow keys move, Enter chooses, Escape closes. Clearing the text
 * clears the choice.
 */
export function SuggestionField({
  kind,
  label,
  placeholder,
  chosenLabel,
  onChoose,
  inputClassName,
}: SuggestionFieldProps) {
  const id = useId();
  const [text, setText] = useState(chosenLabel);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const typed = useDeferredValue(text);
  const suggestions = useAuditSuggestions(kind, open ? typed : '');
  const options = suggestions.data?.suggestions ?? [];
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;

  const choose = (suggestion: AuditSuggestion) => {
    setText(suggestion.label);
    setOpen(false);
    onChoose(suggestion);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(index - 1, 0));
    } else if (event.key === 'Enter' && open && options[active]) {
      event.preventDefault();
      choose(options[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };
  const expanded = open && text.trim().length > 0;

  return (
    <div className="relative">
      <label htmlFor={id} className="block text-sm font-medium text-ink-800">
        {label}
      </label>
      <input
        id={id}
        type="text"
        role="combobox"
        autoComplete="off"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && options[active] ? optionId(active) : undefined}
        value={text}
        placeholder={placeholder}
        onChange={(event) => {
          setText(event.target.value);
          setActive(0);
          setOpen(true);
          if (event.target.value.trim() === '') onChoose(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        className={inputClassName}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label={`${label} suggestions`}
        hidden={!expanded}
        className="absolute z-20 mt-1 max-h-72 w-full overflow-auto rounded-lg border border-ink-200 bg-white py-1 shadow-lg"
      >
        {suggestions.isFetching && options.length === 0 ? (
          <li className="px-3 py-2 text-sm text-ink-600">Looking…</li>
        ) : options.length === 0 ? (
          <li className="px-3 py-2 text-sm text-ink-600">No matches</li>
        ) : (
          options.map((option, index) => (
            <li
              key={`${option.entityType ?? ''}:${option.id ?? ''}`}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Chosen before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(option);
              }}
              className={cx(
                'cursor-pointer px-3 py-2 text-sm',
                index === active ? 'bg-accent-50 text-ink-950' : 'text-ink-800',
              )}
            >
              <span className="block font-medium">{option.label}</span>
              <span className="block truncate text-xs text-ink-600">{option.detail}</span>
            </li>
          ))
        )}
      </ul>
    </div>
  );
}
