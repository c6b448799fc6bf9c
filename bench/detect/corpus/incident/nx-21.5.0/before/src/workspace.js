'use strict';
const fs = require('fs');
const path = require('path');

function loadWorkspace(root) {
  const nxJson = readJson(path.join(root, 'nx.json')) || {};
  const projects = {};
  for (const dir of ['apps', 'libs', 'packages']) {
    const base = path.join(root, dir);
    if (!fs.existsSync(base)) continue;
    for (const name of fs.readdirSync(base)) {
      const project = readJson(path.join(base, name, 'project.json'));
      if (project) projects[project.name || name] = { root: path.join(dir, name), ...project };
    }
  }
  const graph = { nodes: Object.keys(projects), dependencies: {} };
  return { root, nxJson, projects, graph };
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

module.exports = { loadWorkspace };
