// Configuration (README decision 8; sessions.md §1): defaults, environment variables, CLI flags winning
// over the environment, the reference's switches, clear errors, and server.ts refusing a bad flag.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import t from 'tap'
import { ConfigError, defaultConfig, loadConfig, type AppConfig } from '../config.js'

const ROOT = join(import.meta.dirname, '..')

t.test('defaults', async (t) => {
  const config = loadConfig({}, [])
  t.same(config, defaultConfig, 'no env and no flags: the defaults')
  t.match(config, {
    port: 4567,
    dbFile: './data/apichallenges.db',
    mode: 'single',
    challengeSet: 'current',
    sessionIdleMinutes: 10,
    sessionRetentionDays: 7,
  }, 'decision 8 defaults')
  t.equal(config.adminToken, undefined, 'ADMIN_TOKEN unset: the facilitator page is off')
  t.equal(typeof config.host, 'string')
  t.ok(config.logLevel.length > 0)
  t.not(loadConfig({}, []), loadConfig({}, []), 'a fresh object each time')
  const mutated = loadConfig({}, [])
  mutated.port = 1
  t.equal(loadConfig({}, []).port, 4567, 'callers cannot change the defaults through a returned config')
  t.equal(defaultConfig.port, 4567)
})

t.test('environment variables', async (t) => {
  const config = loadConfig({
    PORT: '8080',
    HOST: '0.0.0.0',
    DB_FILE: '/tmp/challenges.db',
    MODE: 'multi',
    CHALLENGES: 'classic',
    LOG_LEVEL: 'debug',
    LOG_PRETTY: 'true',
    SESSION_IDLE_MINUTES: '5',
    SESSION_RETENTION_DAYS: '30',
    ADMIN_TOKEN: 'facilitator-secret',
  }, [])
  const expected: AppConfig = {
    port: 8080,
    host: '0.0.0.0',
    dbFile: '/tmp/challenges.db',
    mode: 'multi',
    challengeSet: 'classic',
    logLevel: 'debug',
    logPretty: true,
    sessionIdleMinutes: 5,
    sessionRetentionDays: 30,
    adminToken: 'facilitator-secret',
    challengerRateLimit: 0,
  }
  t.same(config, expected)
  t.equal(loadConfig({ DB_FILE: ':memory:' }, []).dbFile, ':memory:', ':memory: is allowed')
  t.equal(loadConfig({ MODE: 'MULTI' }, []).mode, 'multi', 'values are case-insensitive')
  t.equal(loadConfig({ PORT: '' }, []).port, 4567, 'an empty variable counts as unset')
  t.equal(loadConfig({ UNRELATED: 'x' }, []).port, 4567, 'unrelated variables are ignored')
})

t.test('flags, and flags winning over the environment', async (t) => {
  const flags = loadConfig({}, [
    '--port=9000', '--host=::1', '--db-file=/var/lib/x.db', '--mode=multi', '--challenges=classic',
    '--log-level=warn', '--session-idle-minutes=3', '--session-retention-days=2', '--admin-token=tok',
  ])
  t.match(flags, {
    port: 9000, host: '::1', dbFile: '/var/lib/x.db', mode: 'multi', challengeSet: 'classic',
    logLevel: 'warn', sessionIdleMinutes: 3, sessionRetentionDays: 2, adminToken: 'tok',
  })
  t.equal(loadConfig({}, ['--log-pretty']).logPretty, true, 'a bare --log-pretty switches it on')

  const env = { PORT: '8080', MODE: 'single', CHALLENGES: 'current', DB_FILE: 'env.db', SESSION_RETENTION_DAYS: '9' }
  const both = loadConfig(env, ['--port=9090', '--mode=multi', '--challenges=classic', '--db-file=flag.db'])
  t.equal(both.port, 9090, 'flag beats PORT')
  t.equal(both.mode, 'multi', 'flag beats MODE')
  t.equal(both.challengeSet, 'classic', 'flag beats CHALLENGES')
  t.equal(both.dbFile, 'flag.db', 'flag beats DB_FILE')
  t.equal(both.sessionRetentionDays, 9, 'the environment still sets what no flag names')
})

t.test('the reference\'s switches', async (t) => {
  for (const argv of [['--multiplayer'], ['-multiplayer'], ['--MULTIPLAYER'], ['-multiuser']]) {
    t.equal(loadConfig({}, argv).mode, 'multi', `${argv.join(' ')} selects multi-user mode`)
  }
  t.equal(loadConfig({ MODE: 'single' }, ['--multiplayer']).mode, 'multi', '--multiplayer beats MODE=single')
  t.equal(loadConfig({}, ['--classic']).challengeSet, 'classic', '--classic selects the classic set')
  t.equal(loadConfig({}, ['-port=5000']).port, 5000, 'the reference\'s -port=N')
})

t.test('invalid values fail with a clear ConfigError', async (t) => {
  const cases: [string, Record<string, string>, string[], RegExp[]][] = [
    ['PORT not a number', { PORT: 'abc' }, [], [/PORT/, /abc/]],
    ['PORT out of range', { PORT: '70000' }, [], [/PORT/, /70000/]],
    ['negative port flag', {}, ['--port=-1'], [/PORT/, /-1/]],
    ['unknown mode', { MODE: 'team' }, [], [/MODE/, /single/, /multi/, /team/]],
    ['unknown mode flag', {}, ['--mode=bogus'], [/MODE/, /bogus/]],
    ['unknown challenge set', { CHALLENGES: 'modern' }, [], [/CHALLENGES/, /current/, /classic/, /modern/]],
    ['unknown log level', { LOG_LEVEL: 'loud' }, [], [/LOG_LEVEL/, /loud/]],
    ['idle minutes zero', { SESSION_IDLE_MINUTES: '0' }, [], [/SESSION_IDLE_MINUTES/, /0/]],
    ['idle minutes not a number', {}, ['--session-idle-minutes=ten'], [/SESSION_IDLE_MINUTES/, /ten/]],
    ['retention not a number', { SESSION_RETENTION_DAYS: '1.5' }, [], [/SESSION_RETENTION_DAYS/, /1\.5/]],
    ['LOG_PRETTY not a boolean', { LOG_PRETTY: 'maybe' }, [], [/LOG_PRETTY/, /maybe/]],
    ['unknown flag', {}, ['--colour=blue'], [/--colour=blue/]],
    ['positional argument', {}, ['multi'], [/multi/]],
    ['flag without a value', {}, ['--port'], [/port/]],
  ]
  for (const [label, env, argv, patterns] of cases) {
    let caught: unknown
    try {
      loadConfig(env, argv)
    } catch (error) {
      caught = error
    }
    t.ok(caught instanceof ConfigError, `${label}: throws a ConfigError`)
    t.ok(caught instanceof Error, `${label}: which is an Error`)
    const message = caught instanceof Error ? caught.message : ''
    for (const pattern of patterns) t.match(message, pattern, `${label}: message mentions ${pattern}`)
  }
})

async function runServer(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString() })
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`server.ts ${args.join(' ')} did not exit within 20 s`))
    }, 20_000)
    child.once('error', reject)
    child.once('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
  })
}

t.test('server.ts refuses an invalid configuration with a readable message', async (t) => {
  // two processes only: each start compiles server.ts, which costs seconds
  const [badFlag, badEnv] = await Promise.all([
    runServer(['--mode=bogus', '--db-file=:memory:']),
    runServer(['--db-file=:memory:'], { PORT: 'not-a-port' }),
  ])
  for (const [label, result, pattern] of [
    ['--mode=bogus', badFlag, /MODE.*bogus/],
    ['PORT=not-a-port', badEnv, /PORT.*not-a-port/],
  ] as const) {
    t.not(result.code, 0, `${label}: exits non-zero`)
    t.not(result.code, null, `${label}: exits by itself`)
    t.match(result.stderr, pattern, `${label}: says what is wrong`)
    t.notMatch(result.stderr, /^\s+at /m, `${label}: no stack trace`)
    t.ok(result.stderr.trim().split('\n').length <= 3, `${label}: a short message`)
  }

})
