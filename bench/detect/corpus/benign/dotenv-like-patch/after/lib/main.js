const fs = require('fs')
const path = require('path')
const os = require('os')

const LINE = /(?:^|^)\s*(?:export\s+)?([\w.-]+)(?:\s*=\s*?|:\s+?)(\s*'(?:\\'|[^'])*'|\s*"(?:\\"|[^"])*"|\s*`(?:\\`|[^`])*`|[^#\r\n]+)?\s*(?:#.*)?(?:$|$)/mg

function parse (src) {
  const obj = {}
  let lines = src.toString().replace(/\r\n?/mg, '\n')
  let match
  while ((match = LINE.exec(lines)) != null) {
    const key = match[1]
    let value = (match[2] || '').trim()
    value = value.replace(/^(['"`])([\s\S]*)\1$/mg, '$2')
    obj[key] = value
  }
  return obj
}

function resolveHome (envPath) {
  return envPath[0] === '~' ? path.join(os.homedir(), envPath.slice(1)) : envPath
}

function config (options) {
  const dotenvPath = options && options.path ? resolveHome(options.path) : path.resolve(process.cwd(), '.env')
  const parsed = parse(fs.readFileSync(dotenvPath, { encoding: 'utf8' }))
  for (const key of Object.keys(parsed)) {
    if (!Object.prototype.hasOwnProperty.call(process.env, key) || (options && options.override)) {
      process.env[key] = parsed[key]
    }
  }
  return { parsed }
}

module.exports = { config, parse }
module.exports.populate = function (target, parsed) { Object.assign(target, parsed) }
