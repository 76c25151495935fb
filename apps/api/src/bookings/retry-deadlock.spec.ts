import { QueryFailedError } from 'typeorm';
import { retryDeadlock } from './bookings.service';

const pgError = (code: string) =>
  new QueryFailedError('INSERT …', [], Object.assign(new Error(code), { code }));

describe('retryDeadlock', () => {
  it('runs a statement PostgreSQL aborted as a deadlock victim again', async () => {
    const statement = jest.fn().mockRejectedValueOnce(pgError('40P01')).mockResolvedValueOnce('created');
    await expect(retryDeadlock(statement)).resolves.toBe('created');
    expect(statement).toHaveBeenCalledTimes(2);
  });

  it('gives up after three deadlocks and passes every other error on at once', async () => {
    const deadlocked = jest.fn().mockRejectedValue(pgError('40P01'));
    await expect(retryDeadlock(deadlocked)).rejects.toBeInstanceOf(QueryFailedError);
    expect(deadlocked).toHaveBeenCalledTimes(3);
    const taken = jest.fn().mockRejectedValue(pgError('23P01'));
    await expect(retryDeadlock(taken)).rejects.toBeInstanceOf(QueryFailedError);
    expect(taken).toHaveBeenCalledTimes(1);
  });
});
