// Module resolution for dependency-cruiser only (.dependency-cruiser.cjs): the `@/` and `~/`
// aliases of WXT's generated tsconfig (.wxt/tsconfig.json "paths"), in the webpack form
// dependency-cruiser reads. Nothing builds with webpack.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
module.exports = { resolve: { alias: { '@': root, '~': root, '@@': root, '~~': root } } };
