var test = require('tape')
var flatmap = require('../')

test('flattens arrays', function (t) {
  var out = []
  var s = flatmap(function (x) { return [x, x] })
  s.on('data', function (d) { out.push(d) })
  s.write(1); s.end()
  t.deepEqual(out, [1, 1]); t.end()
})
