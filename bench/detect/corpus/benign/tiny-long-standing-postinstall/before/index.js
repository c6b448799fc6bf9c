'use strict';
if (!Array.prototype.at) {
  Array.prototype.at = function at(i) {
    var n = Math.trunc(i) || 0;
    if (n < 0) n += this.length;
    return this[n];
  };
}
