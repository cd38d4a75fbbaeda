import path from 'node:path';
import { z } from 'zod';

/** Runtime configuration, read once from the environment and checked before anything starts. */
export interface AppConfig {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL URL; when absent the embedded SQLite file under dataDir is used. */
  databaseUrl: string | undefined;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Serve session cookies with Secure (set when the platform is behind TLS). */
  secureCookies: boolean;
  trustProxy: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** Seed the demo city on an empty database. */
  seedDemo: boolean;
  bodyLimitBytes: number;
  webDistDir: string;
  /** Allowances of the public routes, per minute (see plugins/rate-limit.ts). */
  rateLimits: RateLimitSettings;
  /**
   * Minutes between deadline-reminder sweeps of this process; 0 leaves sweeping to the other
   * processes (each reminder is written once however many sweep).
   */
  reminderSweepMinutes: number;
}

/** Requests one caller may make in a minute on the routes that opt in to a limit. */
export interface RateLimitSettings {
  /** Public reads per address: Open311 GETs, the public notice pages, the filing map. */
  publicReadPerMinute: number;
  /** Refused credentials per address (and vote): wrong voting or receipt codes, wrong api_keys. */
  codeAttemptsPerMinute: number;
  /** Open311 filings per api_key. */
  open311PostPerMinute: number;
}

/**
 * The allowances when the environment says nothing. A person reading notices or a client polling
 * Open311 stays well below 120 a minute, while a scraper walking every grid, building and demand
 * meets it at once. Ten wrong codes a minute leave room for a voter's typos and none for guessing
 * (a code carries 60 random bits, so the limit is a second wall, not the first). Sixty filings a
 * minute is one a second, sustained, from one api_key; a client refused is told when to retry.
 */
export const RATE_LIMIT_DEFAULTS: RateLimitSettings = {
  publicReadPerMinute: 120,
  codeAttemptsPerMinute: 10,
  open311PostPerMinute: 60,
};

const booleanString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const perMinute = z.coerce.number().int().min(1).max(1_000_000);

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SECURE_COOKIES: booleanString.default(false),
  TRUST_PROXY: booleanString.default(false),
  SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 7)
    .default(12),
  SEED_DEMO: booleanString.default(true),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(1024 * 1024),
  // No value turns a limit off: tests that call public routes often set a large one instead.
  RATE_LIMIT_PUBLIC_PER_MINUTE: perMinute.default(RATE_LIMIT_DEFAULTS.publicReadPerMinute),
  RATE_LIMIT_CODE_ATTEMPTS_PER_MINUTE: perMinute.default(RATE_LIMIT_DEFAULTS.codeAttemptsPerMinute),
  RATE_LIMIT_OPEN311_POST_PER_MINUTE: perMinute.default(RATE_LIMIT_DEFAULTS.open311PostPerMinute),
  REMINDER_SWEEP_MINUTES: z.coerce.number().int().min(0).max(1440).default(5),
});

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / 配置有误:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Reads the configuration; a bad value throws a ConfigError naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0]);
        return `${name}=${JSON.stringify(env[name])}: ${issue.message}`;
      }),
    );
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    secureCookies: e.SECURE_COOKIES,
    trustProxy: e.TRUST_PROXY,
    sessionIdleMinutes: e.SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS,
    seedDemo: e.SEED_DEMO,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    webDistDir: path.resolve('web/dist'),
    rateLimits: {
      publicReadPerMinute: e.RATE_LIMIT_PUBLIC_PER_MINUTE,
      codeAttemptsPerMinute: e.RATE_LIMIT_CODE_ATTEMPTS_PER_MINUTE,
      open311PostPerMinute: e.RATE_LIMIT_OPEN311_POST_PER_MINUTE,
    },
    reminderSweepMinutes: e.REMINDER_SWEEP_MINUTES,
  };
}
