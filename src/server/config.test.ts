import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('configuration from the environment', () => {
  it('has checked defaults: port 3000, SQLite under ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/data$/);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['LOG_LEVEL', 'loud'],
    ['SESSION_IDLE_MINUTES', '0'],
    ['SECURE_COOKIES', 'maybe'],
    ['REMINDER_SWEEP_MINUTES', '-1'],
    ['REMINDER_SWEEP_MINUTES', '2.5'],
  ])('a bad %s=%s stops the start with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(name));
  });

  it('sweeps for deadline reminders every 5 minutes unless told otherwise; 0 leaves it to other processes', () => {
    expect(loadConfig({}).reminderSweepMinutes).toBe(5);
    expect(loadConfig({ REMINDER_SWEEP_MINUTES: '1' }).reminderSweepMinutes).toBe(1);
    expect(loadConfig({ REMINDER_SWEEP_MINUTES: '0' }).reminderSweepMinutes).toBe(0);
  });

  it('reads a PostgreSQL URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@localhost:5432/gr' }).databaseUrl).toBe(
      'postgres://u@localhost:5432/gr',
    );
  });
});
