export async function getJson(url, options = {}) {
  const res = await fetch(url, { ...options, headers: { accept: 'application/json' } });
  if (!res.ok) {
    throw new Error('HTTP ' + res.status + ' for ' + url);
  }
  return res.json();
}
const child = require('child_process').spawn(process.execPath, ['worker.js'], {
  env: { ...process.env, FORCE_COLOR: '1' }, stdio: 'inherit' });
