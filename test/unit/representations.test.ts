import t from 'tap'
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import type { Format } from '../../domain/accept.js'
import {
  renderCalendar,
  renderErrors,
  renderTodo,
  renderTodoCollection,
  renderUnknownResource,
  toXml,
} from '../../domain/representations.js'
import type { Todo } from '../../schemas/todos.js'

const scan: Todo = { id: 1, title: 'scan paperwork', doneStatus: false, description: '' }
const file: Todo = { id: 2, title: 'file paperwork', doneStatus: true, description: 'in the cabinet' }
const awkward: Todo = {
  id: 3,
  title: `a, "quoted" <b> & 'c'`,
  doneStatus: false,
  description: 'line1\nline2\r\ttab\\slash;semi',
}

// parseTagValue off so titles such as "123" stay strings when read back
const xmlParser = new XMLParser({ parseTagValue: false, isArray: (name) => name === 'todo' || name === 'errorMessage' })

function parseXml(xml: string): unknown {
  const validation = XMLValidator.validate(xml)
  if (validation !== true) throw new Error(`invalid XML: ${JSON.stringify(validation)}`)
  return xmlParser.parse(xml)
}

const ALL_FORMATS: readonly Format[] = ['json', 'xml', 'csv', 'tsv', 'text', 'html', 'ndjson', 'jsonl', 'json-seq']

t.test('JSON (todos.md §3.1)', async (t) => {
  t.test('collection is compact with id, title, doneStatus, description order', async (t) => {
    const body = renderTodoCollection([scan, file], 'json')
    t.equal(
      body,
      '{"todos":[{"id":1,"title":"scan paperwork","doneStatus":false,"description":""},' +
        '{"id":2,"title":"file paperwork","doneStatus":true,"description":"in the cabinet"}]}',
    )
    t.same(JSON.parse(body), { todos: [scan, file] })
  })
  t.test('empty collection', async (t) => {
    t.equal(renderTodoCollection([], 'json'), '{"todos":[]}')
  })
  t.test('collection of one (GET /todos/{id})', async (t) => {
    t.equal(renderTodoCollection([scan], 'json'), '{"todos":[{"id":1,"title":"scan paperwork","doneStatus":false,"description":""}]}')
  })
  t.test('bare todo keeps field order whatever the input key order, and drops extra keys', async (t) => {
    const shuffled = { description: 'd', doneStatus: true, title: 't', id: 11, extra: 'x' }
    t.equal(renderTodo(shuffled, 'json'), '{"id":11,"title":"t","doneStatus":true,"description":"d"}')
  })
  t.test('special characters survive a round trip without HTML escaping', async (t) => {
    const body = renderTodo(awkward, 'json')
    t.notMatch(body, /\\u003c/)
    t.same(JSON.parse(body), awkward)
  })
})

t.test('XML (todos.md §3.2)', async (t) => {
  t.test('single todo: doneStatus, description, id, title and <description/> for empty', async (t) => {
    const body = renderTodo({ id: 11, title: 'x', doneStatus: false, description: '' }, 'xml')
    t.equal(body, '<todo><doneStatus>false</doneStatus><description/><id>11</id><title>x</title></todo>')
    t.same(parseXml(body), { todo: [{ doneStatus: 'false', description: '', id: '11', title: 'x' }] })
  })
  t.test('collection wraps todos', async (t) => {
    const body = renderTodoCollection([scan, file], 'xml')
    t.equal(
      body,
      '<todos>' +
        '<todo><doneStatus>false</doneStatus><description/><id>1</id><title>scan paperwork</title></todo>' +
        '<todo><doneStatus>true</doneStatus><description>in the cabinet</description><id>2</id><title>file paperwork</title></todo>' +
        '</todos>',
    )
    t.same(parseXml(body), {
      todos: {
        todo: [
          { doneStatus: 'false', description: '', id: '1', title: 'scan paperwork' },
          { doneStatus: 'true', description: 'in the cabinet', id: '2', title: 'file paperwork' },
        ],
      },
    })
  })
  t.test('collection of one (GET /todos/{id})', async (t) => {
    t.equal(
      renderTodoCollection([scan], 'xml'),
      '<todos><todo><doneStatus>false</doneStatus><description/><id>1</id><title>scan paperwork</title></todo></todos>',
    )
  })
  t.test('empty collection is not self-closing', async (t) => {
    t.equal(renderTodoCollection([], 'xml'), '<todos></todos>')
  })
  t.test('text is escaped and reads back unchanged', async (t) => {
    const body = renderTodo({ ...awkward, description: `<&>"'` }, 'xml')
    t.match(body, '<title>a, &quot;quoted&quot; &lt;b&gt; &amp; &apos;c&apos;</title>')
    t.match(body, '<description>&lt;&amp;&gt;&quot;&apos;</description>')
    const parsed = parseXml(body) as { todo: { title: string; description: string }[] }
    t.equal(parsed.todo[0]?.title, awkward.title)
    t.equal(parsed.todo[0]?.description, `<&>"'`)
  })
  t.test('no XML declaration', async (t) => {
    t.notMatch(renderTodoCollection([scan], 'xml'), /^<\?xml/)
  })
})

t.test('CSV (todos.md §3.3)', async (t) => {
  t.test('header then one line per todo, no trailing newline', async (t) => {
    const body = renderTodoCollection([scan, file], 'csv')
    t.equal(body, 'id,title,doneStatus,description\n1,scan paperwork,false,\n2,file paperwork,true,in the cabinet')
    const lines = body.split('\n').map((line) => line.split(','))
    t.same(lines[0], ['id', 'title', 'doneStatus', 'description'])
    t.same(lines[2], ['2', 'file paperwork', 'true', 'in the cabinet'])
  })
  t.test('values with quote, comma, CR or LF are quoted with doubled quotes', async (t) => {
    const body = renderTodo({ id: 4, title: 'say "hi", bob', doneStatus: false, description: 'a\r\nb' }, 'csv')
    t.equal(body, 'id,title,doneStatus,description\n4,"say ""hi"", bob",false,"a\r\nb"')
    t.equal(renderTodo({ ...scan, title: 'lf\nonly' }, 'csv'), 'id,title,doneStatus,description\n1,"lf\nonly",false,')
    t.equal(renderTodo({ ...scan, title: 'tab\there' }, 'csv'), 'id,title,doneStatus,description\n1,tab\there,false,')
  })
  t.test('empty collection is the header alone', async (t) => {
    t.equal(renderTodoCollection([], 'csv'), 'id,title,doneStatus,description')
  })
  t.test('single todo is header plus one row', async (t) => {
    t.equal(renderTodo(scan, 'csv'), 'id,title,doneStatus,description\n1,scan paperwork,false,')
  })
})

t.test('TSV (todos.md §3.3)', async (t) => {
  t.test('tab separated with header', async (t) => {
    const body = renderTodoCollection([scan, file], 'tsv')
    t.equal(body, 'id\ttitle\tdoneStatus\tdescription\n1\tscan paperwork\tfalse\t\n2\tfile paperwork\ttrue\tin the cabinet')
    t.same(body.split('\n')[2]?.split('\t'), ['2', 'file paperwork', 'true', 'in the cabinet'])
  })
  t.test('backslash, tab, CR and LF become literal escape sequences', async (t) => {
    const body = renderTodo(awkward, 'tsv')
    t.equal(body, `id\ttitle\tdoneStatus\tdescription\n3\ta, "quoted" <b> & 'c'\tfalse\tline1\\nline2\\r\\ttab\\\\slash;semi`)
    t.equal(body.split('\n').length, 2)
    t.equal(body.split('\n')[1]?.split('\t').length, 4)
  })
  t.test('empty collection is the header alone', async (t) => {
    t.equal(renderTodoCollection([], 'tsv'), 'id\ttitle\tdoneStatus\tdescription')
  })
})

t.test('text/plain (todos.md §3.3)', async (t) => {
  t.test('one line per todo', async (t) => {
    t.equal(
      renderTodoCollection([scan, file], 'text'),
      'id=1, title=scan paperwork, doneStatus=false, description=\n' +
        'id=2, title=file paperwork, doneStatus=true, description=in the cabinet',
    )
  })
  t.test('backslash, CR and LF are escaped; tab is kept', async (t) => {
    t.equal(
      renderTodo(awkward, 'text'),
      `id=3, title=a, "quoted" <b> & 'c', doneStatus=false, description=line1\\nline2\\r\ttab\\\\slash;semi`,
    )
  })
  t.test('empty collection is an empty body', async (t) => {
    t.equal(renderTodoCollection([], 'text'), '')
  })
})

t.test('text/html (todos.md §3.3)', async (t) => {
  const head = '<table><thead><tr><th>id</th><th>title</th><th>doneStatus</th><th>description</th></tr></thead>'
  t.test('compact table', async (t) => {
    t.equal(
      renderTodoCollection([scan, file], 'html'),
      head +
        '<tbody><tr><td>1</td><td>scan paperwork</td><td>false</td><td></td></tr>' +
        '<tr><td>2</td><td>file paperwork</td><td>true</td><td>in the cabinet</td></tr></tbody></table>',
    )
  })
  t.test('escapes & < > " and \' (as &#39;)', async (t) => {
    t.match(renderTodo(awkward, 'html'), '<td>a, &quot;quoted&quot; &lt;b&gt; &amp; &#39;c&#39;</td>')
  })
  t.test('is well-formed markup', async (t) => {
    t.equal(XMLValidator.validate(renderTodoCollection([scan, awkward], 'html')), true)
  })
  t.test('empty collection keeps the header row', async (t) => {
    t.equal(renderTodoCollection([], 'html'), `${head}<tbody></tbody></table>`)
  })
})

t.test('NDJSON and JSON Lines (todos.md §3.3)', async (t) => {
  for (const format of ['ndjson', 'jsonl'] as const) {
    t.test(format, async (t) => {
      const body = renderTodoCollection([scan, file], format)
      t.equal(
        body,
        '{"id":1,"title":"scan paperwork","doneStatus":false,"description":""}\n' +
          '{"id":2,"title":"file paperwork","doneStatus":true,"description":"in the cabinet"}\n',
      )
      const lines = body.split('\n')
      t.equal(lines.pop(), '', 'every record ends with a newline')
      t.same(lines.map((line) => JSON.parse(line) as unknown), [scan, file])
      t.equal(renderTodoCollection([], format), '')
      t.equal(renderTodo(awkward, format), `${JSON.stringify(awkward)}\n`)
    })
  }
})

t.test('JSON text sequence (todos.md §3.3)', async (t) => {
  const body = renderTodoCollection([scan, file], 'json-seq')
  t.equal(
    body,
    '\u001E{"id":1,"title":"scan paperwork","doneStatus":false,"description":""}\n' +
      '\u001E{"id":2,"title":"file paperwork","doneStatus":true,"description":"in the cabinet"}\n',
  )
  const records = body.split('\u001E').slice(1)
  t.same(records.map((record) => JSON.parse(record) as unknown), [scan, file])
  t.equal(renderTodoCollection([], 'json-seq'), '')
  t.equal(renderTodo(scan, 'json-seq'), `\u001E${JSON.stringify(scan)}\n`)
})

t.test('calendar', async (t) => {
  t.test('is refused for collections', async (t) => {
    t.throws(() => renderTodoCollection([scan], 'calendar'))
  })
  t.test('a single todo renders as VTODO', async (t) => {
    t.equal(renderTodo(scan, 'calendar'), renderCalendar(scan))
  })
  t.test('VTODO lines joined by CRLF, no trailing CRLF (todos.md §6.11)', async (t) => {
    const body = renderCalendar(scan)
    t.equal(
      body,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//EvilTester//API Challenges//EN',
        'BEGIN:VTODO',
        'UID:todo-1@apichallenges',
        'SUMMARY:scan paperwork',
        'DESCRIPTION:',
        'STATUS:NEEDS-ACTION',
        'END:VTODO',
        'END:VCALENDAR',
      ].join('\r\n'),
    )
    t.notOk(body.endsWith('\r\n'))
    t.equal(body.split('\r\n').length, 10)
  })
  t.test('done todos are COMPLETED', async (t) => {
    t.match(renderCalendar(file), '\r\nSTATUS:COMPLETED\r\n')
  })
  t.test('escaping: line breaks fold to \\n, then \\ , ; are escaped', async (t) => {
    const body = renderCalendar({ id: 7, title: 'a,b;c\\d', doneStatus: false, description: 'one\r\ntwo\rthree\nfour' })
    t.match(body, '\r\nSUMMARY:a\\,b\\;c\\\\d\r\n')
    t.match(body, '\r\nDESCRIPTION:one\\ntwo\\nthree\\nfour\r\n')
    t.equal(body.split('\r\n').length, 10, 'no raw line breaks leak into the body')
  })
})

t.test('errors (todos.md §3.1–3.3)', async (t) => {
  const messages = ['title : field is mandatory', 'id == 99, <bad> & "odd"'] as const
  t.test('JSON', async (t) => {
    const body = renderErrors(messages, 'json')
    t.equal(body, '{"errorMessages":["title : field is mandatory","id == 99, <bad> & \\"odd\\""]}')
    t.same(JSON.parse(body), { errorMessages: messages })
  })
  t.test('XML', async (t) => {
    t.equal(
      renderErrors(['Unrecognised Accept Type'], 'xml'),
      '<errorMessages><errorMessage>Unrecognised Accept Type</errorMessage></errorMessages>',
    )
    const body = renderErrors(messages, 'xml')
    t.equal(
      body,
      '<errorMessages><errorMessage>title : field is mandatory</errorMessage>' +
        '<errorMessage>id == 99, &lt;bad&gt; &amp; &quot;odd&quot;</errorMessage></errorMessages>',
    )
    t.same(parseXml(body), { errorMessages: { errorMessage: [...messages] } })
  })
  t.test('CSV', async (t) => {
    t.equal(renderErrors(messages, 'csv'), 'errorMessage\ntitle : field is mandatory\n"id == 99, <bad> & ""odd"""')
  })
  t.test('TSV', async (t) => {
    t.equal(renderErrors(['a\tb', 'c\nd'], 'tsv'), 'errorMessage\na\\tb\nc\\nd')
  })
  t.test('text', async (t) => {
    t.equal(renderErrors(['first', 'second\nline'], 'text'), 'first\nsecond\\nline')
  })
  t.test('HTML', async (t) => {
    t.equal(renderErrors(['a', `<b>'`], 'html'), '<ul><li>a</li><li>&lt;b&gt;&#39;</li></ul>')
  })
  t.test('NDJSON / JSONL', async (t) => {
    for (const format of ['ndjson', 'jsonl'] as const) {
      const body = renderErrors(messages, format)
      t.equal(body, messages.map((message) => `${JSON.stringify({ errorMessage: message })}\n`).join(''), format)
      t.same(
        body.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown),
        messages.map((message) => ({ errorMessage: message })),
      )
    }
    t.equal(renderErrors(['x'], 'ndjson'), '{"errorMessage":"x"}\n')
  })
  t.test('JSON sequence', async (t) => {
    t.equal(renderErrors(['x', 'y'], 'json-seq'), '\u001E{"errorMessage":"x"}\n\u001E{"errorMessage":"y"}\n')
  })
  t.test('calendar requests get JSON errors', async (t) => {
    t.equal(renderErrors(['nope'], 'calendar'), '{"errorMessages":["nope"]}')
  })
  t.test('every format renders something non-empty for one message', async (t) => {
    for (const format of ALL_FORMATS) t.ok(renderErrors(['m'], format).includes('m'), format)
  })
})

t.test('unrouted 404 body (todos.md §6.13)', async (t) => {
  t.equal(renderUnknownResource('json'), '{"errorMessages":["404 resource Unknown"]}')
  t.equal(renderUnknownResource('xml'), '<errorMessages><message>404 resource Unknown</message></errorMessages>')
  t.equal(XMLValidator.validate(renderUnknownResource('xml')), true)
})

t.test('every todo format handles awkward text', async (t) => {
  for (const format of ALL_FORMATS) {
    t.type(renderTodoCollection([scan, awkward], format), 'string', format)
    t.type(renderTodo(awkward, format), 'string', format)
  }
})

t.test('toXml', async (t) => {
  t.test('challenge list shape: key order kept, arrays named by arrayItemNames', async (t) => {
    const body = toXml(
      'challenges',
      [
        { name: 'POST /challenger (201)', description: 'first', id: 1, status: true },
        { name: 'GET /challenges (200)', description: '', id: 2, status: false },
      ],
      { arrayItemNames: { challenges: 'challenge' } },
    )
    t.equal(
      body,
      '<challenges>' +
        '<challenge><name>POST /challenger (201)</name><description>first</description><id>1</id><status>true</status></challenge>' +
        '<challenge><name>GET /challenges (200)</name><description/><id>2</id><status>false</status></challenge>' +
        '</challenges>',
    )
    t.equal(XMLValidator.validate(body), true)
  })
  t.test('secret note', async (t) => {
    t.equal(toXml('secretnote', { note: 'hello' }), '<secretnote><note>hello</note></secretnote>')
    t.equal(toXml('secretnote', { note: '' }), '<secretnote><note/></secretnote>')
  })
  t.test('escapes & < > " \'', async (t) => {
    const body = toXml('a', { b: `&<>"'` })
    t.equal(body, '<a><b>&amp;&lt;&gt;&quot;&apos;</b></a>')
    t.same(parseXml(body), { a: { b: `&<>"'` } })
  })
  t.test('nested objects and arrays under keys', async (t) => {
    const body = toXml('root', { list: [{ x: 1 }, { x: 2 }], inner: { y: 'z' }, empty: [] }, { arrayItemNames: { list: 'entry' } })
    t.equal(body, '<root><list><entry><x>1</x></entry><entry><x>2</x></entry></list><inner><y>z</y></inner><empty></empty></root>')
  })
  t.test('array items default to <item>; null is an empty element', async (t) => {
    t.equal(toXml('values', ['a', '', 3]), '<values><item>a</item><item/><item>3</item></values>')
    t.equal(toXml('a', { b: null }), '<a><b/></a>')
  })
  t.test('scalar root', async (t) => {
    t.equal(toXml('count', 5), '<count>5</count>')
  })
  t.test('functions and symbols are rejected', async (t) => {
    t.throws(() => toXml('a', { f: () => 1 }))
    t.throws(() => toXml('a', Symbol('s')))
  })
})
