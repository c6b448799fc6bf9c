const fs = require('fs');
const path = require('path');
const bytes = fs.readFileSync(path.join(__dirname, 'hash.wasm'));
module.exports = WebAssembly.instantiate(bytes).then((m) => m.instance.exports);
