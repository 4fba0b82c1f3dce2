import {
  measurementUnits,
  preferredCurrencies,
  supportedLanguages,
  type AccountPreferences,
} from '@makrx/contracts';
import { ServiceErrorState } from '@makrx/spa-kit';
import { Button, Card, currencyLabel, FormField, inputClasses, Skeleton } from '@makrx/ui';
import { useMemo, useState } from 'react';
import { useAccountPreferences, useSaveAccountPreferences } from '../api';
import { browserTimeZone, timeZoneChoices, timeZoneLabel } from '../presentation';

const languageNames: Record<(typeof supportedLanguages)[number], string> = { en: 'English' };
const unitNames: Record<(typeof measurementUnits)[number], string> = {
  metric: 'Metric (mm, kg)',
  imperial: 'Imperial (in, lb)',
};

function PreferencesFields({ saved }: { saved: AccountPreferences }) {
  const [chosen, setChosen] = useState(saved);
  const save = useSaveAccountPreferences();
  const zones = useMemo(timeZoneChoices, []);
  const here = browserTimeZone();
  const set = <K extends keyof AccountPreferences>(key: K, value: AccountPreferences[K]) => {
    save.reset();
    setChosen((before) => ({ ...before, [key]: value }));
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate(chosen);
      }}
    >
      <div className="grid gap-5 sm:grid-cols-2">
        <FormField label="Language" hint="More languages are on their way.">
          {(field) => (
            <select
              {...field}
              className={inputClasses}
              value={chosen.language}
              onChange={(e) => set('language', e.target.value as AccountPreferences['language'])}
            >
              {supportedLanguages.map((code) => (
                <option key={code} value={code}>
                  {languageNames[code]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Units" hint="For sizes of parts, machines and materials.">
          {(field) => (
            <select
              {...field}
              className={inputClasses}
              value={chosen.units}
              onChange={(e) => set('units', e.target.value as AccountPreferences['units'])}
            >
              {measurementUnits.map((unit) => (
                <option key={unit} value={unit}>
                  {unitNames[unit]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField label="Currency" hint="Prices are shown in it where MakrX can convert them.">
          {(field) => (
            <select
              {...field}
              className={inputClasses}
              value={chosen.currency}
              onChange={(e) => set('currency', e.target.value as AccountPreferences['currency'])}
            >
              {preferredCurrencies.map((code) => (
                <option key={code} value={code}>
                  {currencyLabel(code)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField
          label="Time zone"
          hint={
            here && here !== chosen.timeZone ? (
              <>
                This device is in {timeZoneLabel(here)}.{' '}
                <button
                  type="button"
                  className="font-semibold text-accent-700 underline"
                  onClick={() => set('timeZone', here)}
                >
                  Use it
                </button>
              </>
            ) : (
              'Times of bookings and orders are shown in it.'
            )
          }
        >
          {(field) => (
            <select
              {...field}
              className={inputClasses}
              value={chosen.timeZone}
              onChange={(e) => set('timeZone', e.target.value)}
            >
              {zones.map((zone) => (
                <option key={zone} value={zone}>
                  {timeZoneLabel(zone)}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <div className="mt-6 flex items-center gap-3">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save preferences'}
        </Button>
        <p role="status" className="text-sm text-ink-600">
          {save.isSuccess ? 'Saved.' : ''}
        </p>
      </div>
      {save.isError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}

/** The person's language, units, currency and time zone, loaded then edited in place. */
export function PreferencesForm() {
  const preferences = useAccountPreferences();
  return (
    <Card className="p-5 sm:p-6">
      {preferences.isPending ? (
        <div className="grid gap-5 sm:grid-cols-2" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      ) : preferences.isError ? (
        <ServiceErrorState
          error={preferences.error}
          subject="your preferences"
          onRetry={() => void preferences.refetch()}
        />
      ) : (
        <PreferencesFields saved={preferences.data} />
      )}
    </Card>
  );
}
