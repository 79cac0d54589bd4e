#!/usr/bin/env node
// Preflight run by the npm scripts before anything that needs a current Node. CommonJS and plain
// syntax on purpose, so that even a very old Node reaches the message instead of a syntax error.
'use strict';

var MINIMUM = [22, 12];
var parts = process.versions.node.split('.').map(Number);
var tooOld = parts[0] < MINIMUM[0] || (parts[0] === MINIMUM[0] && parts[1] < MINIMUM[1]);

if (tooOld) {
  process.stderr.write(
    'verbatim needs Node.js ' +
      MINIMUM.join('.') +
      ' or newer (24 LTS recommended); this npm script is running ' +
      'v' +
      process.versions.node +
      ' from ' +
      process.execPath +
      '.\n' +
      '  `npm install` normally provides Node 24 in node_modules/.bin (the `node` dev dependency);\n' +
      '  run `npm install` again (without --omit=dev), or use `nvm use` (.nvmrc). See README, "Node version".\n',
  );
  process.exit(1);
}
