"use strict";
const http = require("http");
const https = require("https");
const { URL } = require("url");

function request(url, options = {}) {
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
