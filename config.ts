import type { ChallengeSetName, RunMode } from './challenges/catalogue.js'

export interface AppConfig {
  host: string
  port: number
  /** path of the SQLite file, or ':memory:' */
  dbFile: string
  mode: RunMode
  challengeSet: ChallengeSetName
  logLevel: string
  logPretty: boolean
  sessionIdleMinutes: number
  sessionRetentionDays: number
  /** facilitator page token; undefined keeps the page off */
  adminToken: string | undefined
  /** sessions one client address may create per minute; 0 = no limit */
  challengerRateLimit: number
}

export const defaultConfig: AppConfig = {
  host: '127.0.0.1',
  port: 4567,
  dbFile: './data/apichallenges.db',
  mode: 'single',
  challengeSet: 'current',
  logLevel: 'info',
  logPretty: false,
  sessionIdleMinutes: 10,
  sessionRetentionDays: 7,
  adminToken: undefined,
  challengerRateLimit: 0,
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>

interface Setting {
  env: string
  flag: string
  apply(config: AppConfig, raw: string): void
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

function integerIn(name: string, raw: string, min: number, max: number): number {
  const value = Number(raw)
  if (!/^\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function oneOf<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  const value = raw.trim().toLowerCase() as T
  if (!allowed.includes(value)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`)
  }
  return value
}

function booleanFlag(name: string, raw: string): boolean {
  const value = raw.trim().toLowerCase()
  if (['1', 'true', 'yes', 'on', ''].includes(value)) return true
  if (['0', 'false', 'no', 'off'].includes(value)) return false
  throw new ConfigError(`${name} must be true or false, got "${raw}"`)
}

function nonEmpty(name: string, raw: string): string {
  if (raw.trim() === '') throw new ConfigError(`${name} must not be empty`)
  return raw.trim()
}

const SETTINGS: readonly Setting[] = [
  { env: 'HOST', flag: 'host', apply: (c, raw) => { c.host = nonEmpty('HOST', raw) } },
  { env: 'PORT', flag: 'port', apply: (c, raw) => { c.port = integerIn('PORT', raw, 0, 65535) } },
  { env: 'DB_FILE', flag: 'db-file', apply: (c, raw) => { c.dbFile = nonEmpty('DB_FILE', raw) } },
  { env: 'MODE', flag: 'mode', apply: (c, raw) => { c.mode = oneOf('MODE', raw, ['single', 'multi'] as const) } },
  { env: 'CHALLENGES', flag: 'challenges', apply: (c, raw) => { c.challengeSet = oneOf('CHALLENGES', raw, ['current', 'classic'] as const) } },
  { env: 'LOG_LEVEL', flag: 'log-level', apply: (c, raw) => { c.logLevel = oneOf('LOG_LEVEL', raw, LOG_LEVELS) } },
  { env: 'LOG_PRETTY', flag: 'log-pretty', apply: (c, raw) => { c.logPretty = booleanFlag('LOG_PRETTY', raw) } },
  { env: 'SESSION_IDLE_MINUTES', flag: 'session-idle-minutes', apply: (c, raw) => { c.sessionIdleMinutes = integerIn('SESSION_IDLE_MINUTES', raw, 1, 7 * 24 * 60) } },
  { env: 'SESSION_RETENTION_DAYS', flag: 'session-retention-days', apply: (c, raw) => { c.sessionRetentionDays = integerIn('SESSION_RETENTION_DAYS', raw, 1, 3650) } },
  { env: 'ADMIN_TOKEN', flag: 'admin-token', apply: (c, raw) => { c.adminToken = raw.trim() === '' ? undefined : raw.trim() } },
  { env: 'CHALLENGER_RATE_LIMIT', flag: 'challenger-rate-limit', apply: (c, raw) => { c.challengerRateLimit = integerIn('CHALLENGER_RATE_LIMIT', raw, 0, 1_000_000) } },
]

/** the reference's own start-up switches, kept so its users' scripts keep working */
const ALIAS_FLAGS: Record<string, string> = {
  multiplayer: 'mode=multi',
  multiuser: 'mode=multi',
  singleplayer: 'mode=single',
  classic: 'challenges=classic',
}

export const HELP = `Usage: npm start -- [flags]   (every flag also has an env var)
  --port=N                     PORT                    listen port (default 4567)
  --host=ADDR                  HOST                    listen address (default 127.0.0.1)
  --db-file=PATH               DB_FILE                 SQLite file, or :memory: (default ./data/apichallenges.db)
  --mode=single|multi          MODE                    run mode (default single); --multiplayer = --mode=multi
  --challenges=current|classic CHALLENGES              challenge set (default current); --classic = --challenges=classic
  --log-level=LEVEL            LOG_LEVEL               fatal|error|warn|info|debug|trace|silent (default info)
  --log-pretty                 LOG_PRETTY              human-readable logs for development (default off)
  --session-idle-minutes=N     SESSION_IDLE_MINUTES    minutes before an idle session leaves memory (default 10)
  --session-retention-days=N   SESSION_RETENTION_DAYS  days before an idle session is deleted from disk (default 7)
  --admin-token=TOKEN          ADMIN_TOKEN             facilitator page token (unset: page off)
  --challenger-rate-limit=N    CHALLENGER_RATE_LIMIT   new sessions per client address per minute (default 0: no limit)
  --help                                               print this text`

export function wantsHelp(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === '--help' || arg === '-h')
}

function parseFlag(arg: string): { name: string; value: string } {
  const stripped = arg.replace(/^-{1,2}/, '')
  const alias = ALIAS_FLAGS[stripped.toLowerCase()]
  const text = alias ?? stripped
  const eq = text.indexOf('=')
  if (eq === -1) return { name: text.toLowerCase(), value: '' }
  return { name: text.slice(0, eq).toLowerCase(), value: text.slice(eq + 1) }
}

/** env first, then CLI flags (`--name=value`), so a flag wins over the environment */
export function loadConfig(env: Env, argv: readonly string[]): AppConfig {
  const config: AppConfig = { ...defaultConfig }
  for (const setting of SETTINGS) {
    const raw = env[setting.env]
    if (raw !== undefined && raw !== '') setting.apply(config, raw)
  }
  for (const arg of argv) {
    if (!arg.startsWith('-')) throw new ConfigError(`unexpected argument "${arg}" (flags look like --name=value)`)
    const { name, value } = parseFlag(arg)
    const setting = SETTINGS.find((s) => s.flag === name)
    if (!setting) throw new ConfigError(`unknown flag "${arg}"; run with --help to list the flags`)
    if (value === '' && setting.flag !== 'log-pretty') throw new ConfigError(`flag --${name} needs a value: --${name}=...`)
    setting.apply(config, value)
  }
  return config
}
