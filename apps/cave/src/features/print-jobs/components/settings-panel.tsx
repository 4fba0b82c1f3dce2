import type { ProviderSettings } from '@makrx/contracts';
import { Button, FormField, inputClasses } from '@makrx/ui';
import { useState, type FormEvent } from 'react';
import { useProviderActions } from '../api';
import { refusalOf } from '../presentation';

/** Whether the makerspace takes print jobs, how long it takes to answer, where it is. */
export function ProviderSettingsPanel({
  slug,
  settings,
}: {
  slug: string;
  settings: ProviderSettings;
}) {
  const { saveSettings } = useProviderActions(slug);
  const [saved, setSaved] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const latitude = String(form.get('latitude') ?? '').trim();
    const longitude = String(form.get('longitude') ?? '').trim();
    setSaved(false);
    saveSettings.mutate(
      {
        takesPrintJobs: form.get('takesPrintJobs') === 'on',
        responseWindowMinutes: Number(form.get('responseWindowMinutes')),
        location:
          latitude && longitude
            ? { latitude: Number(latitude), longitude: Number(longitude) }
            : null,
      },
      { onSuccess: () => setSaved(true) },
    );
  };
  return (
    <form
      onSubmit={submit}
      className="space-y-4 rounded-2xl border border-ink-200 bg-white p-5"
      aria-label="Print job settings"
    >
      <label className="flex items-center gap-2 text-sm font-medium text-ink-900">
        <input
          type="checkbox"
          name="takesPrintJobs"
          defaultChecked={settings.takesPrintJobs}
          className="size-4"
        />
        Take print jobs from MakrX.Store
      </label>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField
          label="Answer within (minutes)"
          hint="After this the job goes to the next provider."
        >
          {(field) => (
            <input
              {...field}
              name="responseWindowMinutes"
              type="number"
              required
              min={15}
              max={10080}
              defaultValue={settings.responseWindowMinutes}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Latitude" hint="Customers nearby are offered your prints first.">
          {(field) => (
            <input
              {...field}
              name="latitude"
              type="number"
              min={-90}
              max={90}
              step="any"
              defaultValue={settings.location?.latitude}
              className={inputClasses}
            />
          )}
        </FormField>
        <FormField label="Longitude">
          {(field) => (
            <input
              {...field}
              name="longitude"
              type="number"
              min={-180}
              max={180}
              step="any"
              defaultValue={settings.location?.longitude}
              className={inputClasses}
            />
          )}
        </FormField>
      </div>
      <p className="text-sm text-ink-600">
        MakrX keeps {settings.platformFeeBps / 100} % of each job’s price as its platform fee.
      </p>
      <div className="flex items-center gap-3">
        <Button type="submit" size="sm" disabled={saveSettings.isPending}>
          {saveSettings.isPending ? 'Saving…' : 'Save settings'}
        </Button>
        {saved ? (
          <p role="status" className="text-sm text-emerald-700">
            Saved.
          </p>
        ) : null}
        {saveSettings.isError ? (
          <p role="alert" className="text-sm text-red-700">
            {refusalOf(saveSettings.error)}
          </p>
        ) : null}
      </div>
    </form>
  );
}
