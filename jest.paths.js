// Turns tsconfig.json's "paths" into Jest's moduleNameMapper so aliases are declared once.
const { compilerOptions } = JSON.parse(
  require('fs')
    .readFileSync(require('path').join(__dirname, 'tsconfig.json'), 'utf8')
    .replace(/^\s*\/\/.*$/gm, ''),
);

function pathsToModuleNameMapper() {
  const mapper = {};
  for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
    const key = '^' + alias.replace('/*', '/(.*)') + '$';
    mapper[key] = '<rootDir>/' + target.replace('/*', '/$1');
  }
  return mapper;
}

module.exports = { pathsToModuleNameMapper };
