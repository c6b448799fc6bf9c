"use strict";
const http = require("http");
const https = require("https");
const { URL } = require("url");

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function withRetries(fn, retries, backoff) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= retries || !["ECONNRESET", "ETIMEDOUT", "EAI_AGAIN"].includes(err.code)) throw err;
      await delay(backoff * 2 ** attempt);
    }
  }
}

function request(url, options = {}) {
  if (options.retries) {
    const { retries, ...rest } = options;
    return withRetries(() => request(url, rest), retries, options.backoff || 100);
  }
  const target = new URL(url);
  const transport = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = transport.request(target, { method: options.method || "GET", headers: options.headers || {} }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

module.exports = { request, get: (url, o) => request(url, { ...o, method: "GET" }), post: (url, body, o) => request(url, { ...o, method: "POST", body }) };
