// The rule index (issue #8): a request is checked only against the rules that can pass for its method and
// resource, in the rules' original order.
import t from 'tap'
import { atResources, onlyFor, requestRule, resourceOf, ruleIndex, tagged } from '../../challenges/rule-types.js'

const always = () => true

t.test('resourceOf is the first path segment', async (t) => {
  t.same(['todos', 'todos/3', 'challenger/database/x', '', 'secret/note'].map(resourceOf), ['todos', 'todos', 'challenger', '', 'secret'])
})

t.test('rules are looked up by method, resource and query presence, in order', async (t) => {
  const rules = [
    ...atResources(['todos'], [requestRule('ANY_TODOS', always), requestRule('GET_TODOS', onlyFor(['GET'], always))]),
    requestRule('ANYWHERE', always),
    ...atResources(['heartbeat'], [requestRule('GET_HEARTBEAT', onlyFor(['GET'], always))]),
    ...atResources(['todos'], [requestRule('POST_TODOS', onlyFor(['POST'], always))]),
    ...atResources(['todos'], [requestRule('GET_TODOS_FILTERED', tagged({ methods: ['GET'], query: 'some' }, always))]),
  ]
  const lookup = ruleIndex(rules)
  const keys = (method: string, path: string, query = '') => lookup(method, path, query).map((rule) => rule.key)
  t.same(keys('GET', 'todos'), ['ANY_TODOS', 'GET_TODOS', 'ANYWHERE'])
  t.same(keys('GET', 'todos/7'), ['ANY_TODOS', 'GET_TODOS', 'ANYWHERE'])
  t.same(keys('POST', 'todos'), ['ANY_TODOS', 'ANYWHERE', 'POST_TODOS'])
  t.same(keys('GET', 'heartbeat'), ['ANYWHERE', 'GET_HEARTBEAT'])
  t.same(keys('GET', 'nowhere/at/all'), ['ANYWHERE'], 'an unknown resource gets the untagged rules only')
  t.same(keys('BREW', 'todos'), ['ANY_TODOS', 'ANYWHERE'], 'an unknown method gets the rules for any method')
  t.same(keys('GET', 'todos', 'doneStatus=true'), ['ANY_TODOS', 'GET_TODOS', 'ANYWHERE', 'GET_TODOS_FILTERED'], 'a query brings in the rules that need one')
  t.same(keys('POST', 'todos', 'x=1'), ['ANY_TODOS', 'ANYWHERE', 'POST_TODOS'])
  t.equal(lookup('GET', 'todos', ''), lookup('GET', 'todos/1', ''), 'a combination\'s list is computed once')
})
