'use strict';
const { spawn } = require('child_process');
const path = require('path');
const fs = require('fs');
const os = require('os');

const ONE_DAY = 1000 * 60 * 60 * 24;

class UpdateCheck {
  constructor({ pkg, interval = ONE_DAY }) {
    this.pkg = pkg;
    this.interval = interval;
    this.store = path.join(os.homedir(), '.config', 'update-check', pkg.name + '.json');
  }

  check() {
    if (process.env.NO_UPDATE_NOTIFIER || process.env.CI) return;
    let last = 0;
    try { last = JSON.parse(fs.readFileSync(this.store, 'utf8')).lastCheck; } catch {}
    if (Date.now() - last < this.interval) return;
    // Ask the registry in a detached child so the CLI never waits for the network.
    spawn(process.execPath, [path.join(__dirname, 'check.js'), JSON.stringify({ name: this.pkg.name, store: this.store })], {
      detached: true,
      stdio: 'ignore'
    }).unref();
  }
}

module.exports = (options) => new UpdateCheck(options);
