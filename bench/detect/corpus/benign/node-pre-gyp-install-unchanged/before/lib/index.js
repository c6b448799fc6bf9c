'use strict';
const binary = require('@mapbox/node-pre-gyp');
const path = require('path');
const binding = require(binary.find(path.resolve(path.join(__dirname, '../package.json'))));

exports.Database = binding.Database;
