import type { CompletionRule } from './rule-types.js'

export const heartbeatRules: readonly CompletionRule[] = []
