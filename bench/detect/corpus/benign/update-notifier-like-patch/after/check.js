'use strict';
const https = require('https');
const fs = require('fs');
const path = require('path');
const { name, store } = JSON.parse(process.argv[2]);
const registry = (process.env.npm_config_registry || 'https://registry.example.invalid/').replace(/\/$/, '');
https.get(`${registry}/${name.replace('/', '%2F')}/latest`, { headers: { accept: 'application/json' } }, (res) => {
  let body = '';
  res.on('data', (c) => (body += c));
  res.on('end', () => {
    try {
      const latest = JSON.parse(body).version;
      fs.mkdirSync(path.dirname(store), { recursive: true });
      fs.writeFileSync(store, JSON.stringify({ lastCheck: Date.now(), latest }));
    } catch {}
  });
}).on('error', () => {});
