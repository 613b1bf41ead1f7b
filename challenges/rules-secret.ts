import type { CompletionRule } from './rule-types.js'

export const secretRules: readonly CompletionRule[] = []
