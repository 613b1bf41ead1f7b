import type { CompletionRule } from './rule-types.js'

export const todosRules: readonly CompletionRule[] = []
