const nock = require('nock');
const { getAuth } = require('../lib/auth.js');

test('reads the token from .npmrc', async () => {
  // The fixture .npmrc holds //registry.example.invalid/:_authToken=abc
  const auth = getAuth({ '//registry.example.invalid/:_authToken': 'abc' });
  expect(auth.token).toBe('abc');
  nock('https://registry.example.invalid').get('/pkg').reply(200, {});
  expect(Buffer.from('YWJj', 'base64').toString()).toBe('abc');
});
