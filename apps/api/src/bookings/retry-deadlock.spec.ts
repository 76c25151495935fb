import { QueryFailedError } from 'typeorm';
import { DEADLOCK_ATTEMPTS, retryDeadlock } from './bookings.service';

const pgError = (code: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error(code), { code }));

describe('retryDeadlock', () => {
  it('runs a statement PostgreSQL aborted as a deadlock victim again', async () => {
    const statement = jest.fn().mockRejectedValueOnce(pgError('40P01')).mockResolvedValueOnce('created');
    await expect(retryDeadlock(statement)).resolves.toBe('created');
    expect(statement).toHaveBeenCalledTimes(2);
  });

  it('waits a little longer before each new attempt, so the same wait cycle is unlikely to form again', async () => {
    const pauses: number[] = [];
    const pause = (ms: number) => Promise.resolve(pauses.push(ms));
    const statement = jest
      .fn()
      .mockRejectedValueOnce(pgError('40P01'))
      .mockRejectedValueOnce(pgError('40P01'))
      .mockResolvedValueOnce('created');
    await expect(retryDeadlock(statement, pause)).resolves.toBe('created');
    expect(pauses).toHaveLength(2);
    expect(pauses[0]).toBeGreaterThanOrEqual(5);
    expect(pauses[0]).toBeLessThanOrEqual(25);
    expect(pauses[1]).toBeGreaterThanOrEqual(10);
    expect(pauses[1]).toBeLessThanOrEqual(50);
  });

  it(`gives up after ${DEADLOCK_ATTEMPTS} deadlocks and passes every other error on at once`, async () => {
    const pause = () => Promise.resolve();
    const deadlocked = jest.fn().mockRejectedValue(pgError('40P01'));
    await expect(retryDeadlock(deadlocked, pause)).rejects.toBeInstanceOf(QueryFailedError);
    expect(deadlocked).toHaveBeenCalledTimes(DEADLOCK_ATTEMPTS);
    const taken = jest.fn().mockRejectedValue(pgError('23P01'));
    await expect(retryDeadlock(taken, pause)).rejects.toBeInstanceOf(QueryFailedError);
    expect(taken).toHaveBeenCalledTimes(1);
  });
});
