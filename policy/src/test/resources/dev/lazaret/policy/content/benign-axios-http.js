'use strict';
import utils from './../utils.js';
import http from 'http';
import https from 'https';
import followRedirects from 'follow-redirects';
import zlib from 'zlib';
import proxyFromEnv from 'proxy-from-env';

const isHttps = /https:?/;
const isProduction = process.env.NODE_ENV === 'production';

export default function httpAdapter(config) {
  return new Promise(function dispatchHttpRequest(resolve, reject) {
    const parsed = new URL(config.url, 'http://localhost');
    const proxy = proxyFromEnv.getProxyForUrl(parsed.href) || process.env.HTTPS_PROXY;
    const transport = isHttps.test(parsed.protocol) ? https : http;
    const req = transport.request({ hostname: parsed.hostname, path: parsed.pathname,
      method: config.method, headers: config.headers }, function handleResponse(res) {
      resolve({ status: res.statusCode, headers: res.headers, data: res });
    });
    req.on('error', reject);
    req.end(config.data);
  });
}
