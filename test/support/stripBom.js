// strip-bom (a dependency of @microsoft/app-manifest) is ESM only, which jest's CommonJS loader
// cannot require; Node itself can. This is the same function, for the test run only.
module.exports = {
  __esModule: true,
  default: (text) => (typeof text === 'string' && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text),
};
