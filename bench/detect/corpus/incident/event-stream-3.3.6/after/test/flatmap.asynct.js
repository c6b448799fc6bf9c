'use strict';

var es = require('../')
  , it = require('it-is')

exports ['flatmapSync'] = function (test) {
  var input = [[1, 2], [3], [4, 5, 6]]
  var output = []
  es.readArray(input)
    .pipe(es.flatmapSync(function (e) { return e }))
    .pipe(es.writeArray(function (err, array) {
      it(array).deepEqual([1, 2, 3, 4, 5, 6])
      test.done()
    }))
}
