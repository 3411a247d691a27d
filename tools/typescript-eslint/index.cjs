// typescript-eslint, installed under this folder beside TypeScript 6 so that its parser loads a
// TypeScript with a JavaScript API (eslint.config.js explains why).
module.exports = require('typescript-eslint');
