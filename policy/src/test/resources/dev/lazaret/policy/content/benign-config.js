// Reads configuration from the environment; documents NODE_ENV and DEBUG.
const env = process.env.NODE_ENV || 'development';
const debug = process.env['DEBUG'];
const port = Number(process.env.PORT ?? 3000);
module.exports = { env, debug, port, color: process.env.FORCE_COLOR !== '0' };
