import {
  weekdays,
  type Closure,
  type MakerspaceSettings,
  type WeeklyHours,
} from '@makrx/contracts';
import { Button, Card, FormField, inputClasses } from '@makrx/ui';
import { useState, type ReactNode } from 'react';
import { useSaveSettings } from '../api';
import { errorAt, fieldErrorsOf, nextInterval, weekdayNames } from '../presentation';
import {
  CityAndCountry,
  CurrencyField,
  TimeZoneField,
  VisibilityChoice,
} from './makerspace-fields';

function Group({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card className="p-5 sm:p-6">
      <fieldset>
        <legend className="text-lg font-semibold text-ink-950">{title}</legend>
        {hint ? <p className="mt-1 text-sm text-ink-600">{hint}</p> : null}
        <div className="mt-4 space-y-4">{children}</div>
      </fieldset>
    </Card>
  );
}

/** Time fields as wide as a time: the shared input class makes fields fill their row. */
const timeInputClasses = inputClasses.replace('w-full', 'w-32');

const FieldError = ({ message }: { message?: string }) =>
  message ? <p className="text-sm text-red-700">{message}</p> : null;

/**
 * A makerspace's settings as one form: its description, visibility, time zone, currency, weekly
 * hours and closures, saved together. A refused field shows the service's reason beside it.
 */
export function SettingsForm({ slug, settings }: { slug: string; settings: MakerspaceSettings }) {
  const save = useSaveSettings(slug);
  const [hours, setHours] = useState<WeeklyHours>(settings.openingHours);
  const [closures, setClosures] = useState<Closure[]>(settings.closures);
  const [saved, setSaved] = useState('');
  const errors = fieldErrorsOf(save.error);

  const setDay = (day: (typeof weekdays)[number], intervals: WeeklyHours['mon']) =>
    setHours((week) => ({ ...week, [day]: intervals }));
  const setClosure = (index: number, change: Partial<Closure>) =>
    setClosures((list) => list.map((c, i) => (i === index ? { ...c, ...change } : c)));

  return (
    <form
      aria-label="Makerspace settings"
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        const data = new FormData(event.currentTarget);
        const text = (name: string) => String(data.get(name) ?? '');
        setSaved('');
        save.mutate(
          {
            name: text('name'),
            tagline: text('tagline'),
            description: text('description'),
            address: text('address'),
            city: text('city'),
            country: text('country'),
            isPublic: text('visibility') === 'public',
            timeZone: text('timeZone'),
            currency: text('currency'),
            openingHours: hours,
            closures,
          },
          {
            onSuccess: (next) => {
              setHours(next.openingHours);
              setClosures(next.closures);
              setSaved(`Saved. Opening hours: ${next.openingHoursText}.`);
            },
          },
        );
      }}
    >
      <Group title="About">
        <FormField label="Name" error={errors.name}>
          {(field) => (
            <input
              {...field}
              name="name"
              required
              minLength={2}
              maxLength={120}
              defaultValue={settings.name}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Tagline" error={errors.tagline}>
          {(field) => (
            <input
              {...field}
              name="tagline"
              maxLength={200}
              defaultValue={settings.tagline}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Description" error={errors.description}>
          {(field) => (
            <textarea
              {...field}
              name="description"
              rows={5}
              maxLength={4000}
              defaultValue={settings.description}
              className={`${inputClasses} h-auto py-2`}
            />
          )}
        </FormField>
        <FormField label="Address" error={errors.address}>
          {(field) => (
            <input
              {...field}
              name="address"
              required
              maxLength={300}
              defaultValue={settings.address}
              className={inputClasses}
            />
          )}
        </FormField>
        <CityAndCountry city={settings.city} country={settings.country} errors={errors} />
      </Group>

      <Group title="Visibility, time and money">
        <VisibilityChoice isPublic={settings.isPublic} />
        <TimeZoneField zone={settings.timeZone} error={errors.timeZone} />
        <CurrencyField
          current={settings.currency}
          hint="Machine rates, plans and invoices are in it (rates keep their numbers when it changes). It is fixed once the makerspace has plans or has issued invoices."
          error={errors.currency}
        />
      </Group>

      <Group title="Opening hours" hint="Up to three intervals a day, in the makerspace’s time.">
        <ul className="divide-y divide-ink-100">
          {weekdays.map((day) => {
            const intervals = hours[day];
            const message = errorAt(errors, `openingHours.${day}`);
            return (
              <li key={day} className="py-3 sm:grid sm:grid-cols-[8rem_1fr] sm:gap-4">
                <p id={`hours-${day}`} className="py-2 font-medium text-ink-950">
                  {weekdayNames[day]}
                </p>
                <div role="group" aria-labelledby={`hours-${day}`} className="space-y-2">
                  {intervals.length === 0 ? (
                    <p className="py-2 text-sm text-ink-600">Closed</p>
                  ) : null}
                  {intervals.map((interval, index) => (
                    <div key={index} className="flex flex-wrap items-center gap-2">
                      <input
                        type="time"
                        aria-label={`${weekdayNames[day]} opens (interval ${index + 1})`}
                        value={interval.opens}
                        required
                        onChange={(event) =>
                          setDay(
                            day,
                            intervals.map((it, i) =>
                              i === index ? { ...it, opens: event.target.value } : it,
                            ),
                          )
                        }
                        className={timeInputClasses}
                      />
                      <span aria-hidden="true" className="text-ink-500">
                        –
                      </span>
                      <input
                        type="time"
                        aria-label={`${weekdayNames[day]} closes (interval ${index + 1})`}
                        value={interval.closes}
                        required
                        onChange={(event) =>
                          setDay(
                            day,
                            intervals.map((it, i) =>
                              i === index ? { ...it, closes: event.target.value } : it,
                            ),
                          )
                        }
                        className={timeInputClasses}
                      />
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-label={`Remove ${weekdayNames[day]} ${interval.opens}–${interval.closes}`}
                        onClick={() =>
                          setDay(
                            day,
                            intervals.filter((_, i) => i !== index),
                          )
                        }
                      >
                        Remove
                      </Button>
                    </div>
                  ))}
                  {intervals.length < 3 ? (
                    <Button
                      size="sm"
                      variant="secondary"
                      aria-label={`Add hours on ${weekdayNames[day]}`}
                      onClick={() => setDay(day, [...intervals, nextInterval(intervals)])}
                    >
                      Add hours
                    </Button>
                  ) : null}
                  <FieldError message={message} />
                </div>
              </li>
            );
          })}
        </ul>
      </Group>

      <Group
        title="Closures"
        hint="Days closed whatever the weekly hours say: public holidays, a move. No booking falls on them."
      >
        {closures.length === 0 ? (
          <p className="text-sm text-ink-600">No closures planned.</p>
        ) : (
          <ul className="space-y-3">
            {closures.map((closure, index) => (
              <li
                key={index}
                className="grid gap-3 rounded-xl border border-ink-200 p-3 sm:grid-cols-[10rem_10rem_1fr_auto] sm:items-end"
              >
                <FormField label="From" error={errors[`closures.${index}.startsOn`]}>
                  {(field) => (
                    <input
                      {...field}
                      type="date"
                      required
                      value={closure.startsOn}
                      onChange={(event) => setClosure(index, { startsOn: event.target.value })}
                      className={inputClasses}
                    />
                  )}
                </FormField>
                <FormField label="Until" error={errors[`closures.${index}.endsOn`]}>
                  {(field) => (
                    <input
                      {...field}
                      type="date"
                      required
                      value={closure.endsOn}
                      onChange={(event) => setClosure(index, { endsOn: event.target.value })}
                      className={inputClasses}
                    />
                  )}
                </FormField>
                <FormField label="Reason" error={errors[`closures.${index}.reason`]}>
                  {(field) => (
                    <input
                      {...field}
                      required
                      maxLength={200}
                      value={closure.reason}
                      onChange={(event) => setClosure(index, { reason: event.target.value })}
                      className={inputClasses}
                    />
                  )}
                </FormField>
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove the closure ${closure.reason || index + 1}`}
                  onClick={() => setClosures((list) => list.filter((_, i) => i !== index))}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        )}
        <Button
          size="sm"
          variant="secondary"
          onClick={() => {
            const today = new Intl.DateTimeFormat('en-CA', { timeZone: settings.timeZone }).format(
              new Date(),
            );
            setClosures((list) => [...list, { startsOn: today, endsOn: today, reason: '' }]);
          }}
        >
          Add a closure
        </Button>
      </Group>

      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save settings'}
        </Button>
        {save.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {Object.keys(errors).length > 0
              ? 'Some settings need a change: see the fields marked above.'
              : save.error.message}
          </p>
        ) : null}
        <p role="status" className={saved ? 'text-sm font-medium text-emerald-800' : 'sr-only'}>
          {saved}
        </p>
      </div>
    </form>
  );
}
