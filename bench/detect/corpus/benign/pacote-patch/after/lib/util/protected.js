module.exports = {
  cacheFetches: Symbol.for('pacote.Fetcher._cacheFetches'),
  readPackageJson: Symbol.for('package.Fetcher._readPackageJson'),
  tarballFromResolved: Symbol.for('pacote.Fetcher._tarballFromResolved'),
}
