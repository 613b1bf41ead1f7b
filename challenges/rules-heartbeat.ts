import type { CompletionRule } from './rule-types.js'

export const heartbeatRules: readonly CompletionRule[] = []

/** classic-set replacements for rules above whose trigger differed (classic.md §4) */
export const heartbeatClassicOverrides: readonly CompletionRule[] = []
