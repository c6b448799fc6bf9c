module.exports = require('./data/zones.json');
