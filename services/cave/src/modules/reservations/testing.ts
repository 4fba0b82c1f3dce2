// What the tests of other modules may use to arrange bookings that already happened.
export { recordPastBookings, type PastBooking } from './demo-reservations';
