"use strict";
const { execFileSync } = require("child_process");
const path = require("path");
exports.version = "0.25.4";
exports.cli = (args) => execFileSync(path.join(__dirname, "..", "bin", "fastbuild"), args, { stdio: "inherit" });
