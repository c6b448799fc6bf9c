const t = require('tap')
const procLog = require('../lib/index.js')

t.test('emits log events on process', t => {
  const events = []
  const listener = (...args) => events.push(args)
  process.on('log', listener)
  procLog.log.error('a', 'b')
  process.off('log', listener)
  t.same(events, [['error', 'a', 'b']])
  t.end()
})

t.test('time start and end', t => {
  const end = procLog.time.start('x')
  t.type(end, 'function')
  end()
  t.end()
})
