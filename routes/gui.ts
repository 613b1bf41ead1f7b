import type { FastifyPluginAsync } from 'fastify'

export interface GuiOptions {
  /** facilitator page token; undefined keeps the page off */
  adminToken: string | undefined
}

/** the learner and facilitator pages (HTML, no external assets) */
const guiRoutes: FastifyPluginAsync<GuiOptions> = async () => {}

export default guiRoutes
