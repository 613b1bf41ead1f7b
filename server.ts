import closeWithGrace from 'close-with-grace'
import { buildApp } from './app.js'
import { ConfigError, HELP, loadConfig, wantsHelp, type AppConfig } from './config.js'

const argv = process.argv.slice(2)
if (wantsHelp(argv)) {
  console.log(HELP)
  process.exit(0)
}

let config: AppConfig
try {
  config = loadConfig(process.env, argv)
} catch (error) {
  if (!(error instanceof ConfigError)) throw error
  console.error(`Configuration error: ${error.message}`)
  process.exit(2)
}

const app = await buildApp(config, {
  logger: {
    level: config.logLevel,
    ...(config.logPretty ? { transport: { target: 'pino-pretty' } } : {}),
  },
})

closeWithGrace({ delay: 5000 }, async ({ signal, err }) => {
  if (err) app.log.error({ err }, 'closing after an error')
  else app.log.info({ signal }, 'shutting down')
  await app.close()
})

try {
  await app.listen({ host: config.host, port: config.port })
  app.log.info({ mode: config.mode, challenges: config.challengeSet, dbFile: config.dbFile }, 'API Challenges server ready')
} catch (error) {
  app.log.error({ err: error }, 'could not start')
  await app.close()
  process.exit(1)
}
