import type { BusyHour } from '@makrx/contracts';
import { cx } from '@makrx/ui';

const weekdays = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Five shades, from a quiet hour to the busiest of the period. */
const shades = [
  'bg-ink-50 text-ink-500',
  'bg-accent-100 text-accent-900',
  'bg-accent-200 text-accent-900',
  'bg-accent-600 text-white',
  'bg-accent-800 text-white',
];

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/**
 * Booked hours by weekday and local hour, hours down and weekdays across so it fits a phone.
 * A table, so every cell is read out with its weekday and hour.
 */
export function BusiestHours({ cells, timeZone }: { cells: BusyHour[]; timeZone: string }) {
  const booked = new Map(cells.map((cell) => [`${cell.weekday}:${cell.hour}`, cell.bookedHours]));
  const busiest = Math.max(0, ...cells.map((cell) => cell.bookedHours));
  const hoursWithBookings = cells.map((cell) => cell.hour);
  const first = Math.min(9, ...hoursWithBookings);
  const last = Math.max(20, ...hoursWithBookings);
  const hours = Array.from({ length: last - first + 1 }, (_, index) => first + index);
  const shadeOf = (value: number) =>
    value === 0 ? shades[0] : shades[Math.min(4, 1 + Math.floor((value / busiest) * 3.999))];
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[18rem] border-separate border-spacing-0.5 text-xs">
        <caption className="sr-only">
          Booked hours by weekday and hour of the day ({timeZone} time)
        </caption>
        <thead>
          <tr>
            <th scope="col" className="w-14 text-left font-medium text-ink-500">
              <span className="sr-only">Hour</span>
            </th>
            {weekdays.map((day, index) => (
              <th key={day} scope="col" className="pb-1 text-center font-medium text-ink-600">
                <abbr title={weekdayNames[index]} className="no-underline">
                  {day}
                </abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {hours.map((hour) => (
            <tr key={hour}>
              <th scope="row" className="pr-2 text-left font-normal text-ink-600 tabular-nums">
                {hourLabel(hour)}
              </th>
              {weekdays.map((day, index) => {
                const value = booked.get(`${index + 1}:${hour}`) ?? 0;
                return (
                  <td
                    key={day}
                    className={cx('h-7 rounded text-center tabular-nums', shadeOf(value))}
                  >
                    <span className="sr-only">
                      {weekdayNames[index]} {hourLabel(hour)}:{' '}
                    </span>
                    {value === 0 ? <span aria-hidden="true">·</span> : Math.round(value * 10) / 10}
                    {value === 0 ? (
                      <span className="sr-only">no bookings</span>
                    ) : (
                      <span className="sr-only"> hours</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 flex items-center gap-2 text-xs text-ink-600">
        <span>Quiet</span>
        {shades.map((shade) => (
          <span key={shade} aria-hidden="true" className={cx('size-4 rounded', shade)} />
        ))}
        <span>Busy</span>
      </p>
    </div>
  );
}
