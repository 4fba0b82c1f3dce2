import { describe, expect, it } from 'vitest';
import { problemMessage } from './admin-messages';

describe('why the order page says a step was refused', () => {
  it('explains a step the order’s status does not allow', () => {
    expect(problemMessage('ORDER_STATUS_CONFLICT')).toBe(
      'The order cannot take that step from its current status.',
    );
    expect(problemMessage('ORDER_NOT_CANCELLABLE')).toMatch(/cannot be cancelled/);
  });

  it('asks for a tracking number the page refused before asking the service', () => {
    expect(problemMessage('TRACKING_NUMBER')).toMatch(/tracking number/);
  });

  it('says the service refused when it has no better words', () => {
    expect(problemMessage('UNEXPECTED_ANSWER')).toBe(
      'The change was refused by the store service.',
    );
  });
});
