"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.umask = void 0;
// separate file so I stop getting nagged in vim about deprecated API.
const umask = () => process.umask();
exports.umask = umask;
//# sourceMappingURL=process-umask.js.map