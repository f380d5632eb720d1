// kysely-codegen's settings (npm run db:types). Columns with a CHECK constraint that lists
// a code list's values get the code list's TypeScript union instead of `string`, so the
// code reads sager.status as a SagStatus without a cast. Each union is defined once, by
// an `as const` list in the module named beside it. CommonJS because the generator loads
// its settings synchronously.
const { GenericExpressionNode, IdentifierNode, UnionExpressionNode } = require('kysely-codegen')

const type = (name) => new IdentifierNode(name)
const nullable = (name) => new UnionExpressionNode([type(name), type('null')])
const generated = (name) => new GenericExpressionNode('Generated', [type(name)])

module.exports = {
  dialect: 'postgres',
  outFile: 'server/platform/db/types.ts',
  excludePattern: 'kysely_*',
  typeMapping: { int8: 'number', date: 'string', numeric: 'string' },
  logLevel: 'warn',
  customImports: {
    SagStatus: '../../kerne/sag/status.js',
    IndbringerRolle: '../../kerne/sag/sagsomraader.js',
    LejemaalType: '../../kerne/sag/koder.js',
    RepraesentantType: '../../kerne/sag/koder.js',
    NaevnType: '../../kerne/naevn/naevn.js',
    NaevnRolle: '../../kerne/access/principal.js',
  },
  overrides: {
    columns: {
      'sager.status': generated('SagStatus'),
      'sager.indbringer_rolle': nullable('IndbringerRolle'),
      'sager.lejemaal_type': nullable('LejemaalType'),
      'sager.repraesentant_type': nullable('RepraesentantType'),
      'journal.fra_status': nullable('SagStatus'),
      'journal.til_status': nullable('SagStatus'),
      'naevn.type': type('NaevnType'),
      'gebyrsatser.naevn_type': type('NaevnType'),
      'naevn_medlemskaber.rolle': type('NaevnRolle'),
    },
  },
}
