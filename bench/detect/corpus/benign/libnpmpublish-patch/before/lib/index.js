module.exports = {
  publish: require('./publish.js'),
  unpublish: require('./unpublish.js'),
}
