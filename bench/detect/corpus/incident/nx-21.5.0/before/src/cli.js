'use strict';
const { loadWorkspace } = require('./workspace');
const { runTarget } = require('./tasks');

async function runCli(args) {
  const [command, project, target] = args;
  if (!command || command === 'help') {
    console.log('Usage: nx run <project>:<target> | nx graph | nx affected');
    return 0;
  }
  const workspace = loadWorkspace(process.cwd());
  if (command === 'run') {
    const [p, t] = project.split(':');
    return runTarget(workspace, p, t || target);
  }
  if (command === 'graph') {
    console.log(JSON.stringify(workspace.graph, null, 2));
    return 0;
  }
  console.error('Unknown command ' + command);
  return 1;
}

module.exports = { runCli };
