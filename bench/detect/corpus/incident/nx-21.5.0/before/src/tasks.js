'use strict';
const { spawn } = require('child_process');

function runTarget(workspace, project, target) {
  const config = workspace.projects[project];
  if (!config || !config.targets || !config.targets[target]) {
    console.error(`Cannot find target '${target}' for project '${project}'`);
    return Promise.resolve(1);
  }
  const { command } = config.targets[target].options || {};
  return new Promise((resolve) => {
    const child = spawn(command, { cwd: workspace.root, shell: true, stdio: 'inherit' });
    child.on('exit', (code) => resolve(code == null ? 1 : code));
  });
}

module.exports = { runTarget };
