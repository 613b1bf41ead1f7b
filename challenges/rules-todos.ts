import type { CompletionRule } from './rule-types.js'

export const todosRules: readonly CompletionRule[] = []

/** classic-set replacements for rules above whose trigger differed (classic.md §4) */
export const todosClassicOverrides: readonly CompletionRule[] = []
