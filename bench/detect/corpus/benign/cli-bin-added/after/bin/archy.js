#!/usr/bin/env node
const archy = require('../');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => process.stdout.write(archy(JSON.parse(input))));
