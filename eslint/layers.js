import { dirname, relative, resolve } from 'node:path';

/**
 * The house's layers (docs/architecture.md): data flows one way, and a lower layer never imports a
 * higher one, at any depth. Ranks, low to high:
 *   0 domain · 1 contracts, db · 2 import · 3 the read model and route infrastructure (features/engine,
 *   features/shared, auth, routing, solver, errors, validate, app-env, compress) · 4 features · 5 app,
 *   main, env · 6 web.
 * Two feature folders never import each other: what they share moves down. Scripts and tests stand
 * outside the layers.
 */
const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..');

const SERVER_RANKS = [
  ['domain/', 0],
  ['contracts/', 1],
  ['db/', 1],
  ['import/', 2],
  ['features/engine/', 3],
  ['features/shared/', 3],
  ['auth/', 3],
  ['routing/', 3],
  ['solver/', 3],
  ['errors.ts', 3],
  ['validate.ts', 3],
  ['app-env.ts', 3],
  ['compress.ts', 3],
  ['features/', 4],
  ['app.ts', 5],
  ['main.ts', 5],
  ['env.ts', 5],
];

/** The layer of a file: its rank and, inside features/, its feature folder. Null outside the layers. */
export function layerOf(file) {
  const rel = relative(ROOT, file).split('\\').join('/');
  if (rel.startsWith('web/')) return { rank: 6, feature: null, name: 'web' };
  if (!rel.startsWith('server/')) return null;
  const inServer = rel.slice('server/'.length);
  const hit = SERVER_RANKS.find(([prefix]) => inServer === prefix || inServer.startsWith(prefix));
  if (!hit) return null;
  const feature = hit[1] === 4 ? inServer.split('/')[1] : null;
  return { rank: hit[1], feature, name: feature ? `features/${feature}` : hit[0].replace(/\/$/, '') };
}

const resolveImport = (file, source) => {
  if (!source.startsWith('.')) return null;
  const target = resolve(dirname(file), source);
  return /\.[a-z]+$/.test(target) ? target : `${target}.ts`;
};

export const layersPlugin = {
  rules: {
    'no-climbing-imports': {
      meta: { type: 'problem', schema: [], messages: { climb: '{{from}} (layer {{fromRank}}) may not import {{to}} (layer {{toRank}}): a lower layer never imports a higher one (docs/architecture.md)', sideways: '{{from}} may not import {{to}}: two features never import each other — move what they share down (read model or domain)' } },
      create(context) {
        const file = context.filename;
        const from = layerOf(file);
        if (!from) return {};
        const check = (node) => {
          const target = resolveImport(file, node.source.value);
          const to = target && layerOf(target);
          if (!to) return;
          const data = { from: from.name, to: to.name, fromRank: from.rank, toRank: to.rank };
          if (to.rank > from.rank) context.report({ node: node.source, messageId: 'climb', data });
          else if (from.feature && to.feature && from.feature !== to.feature) context.report({ node: node.source, messageId: 'sideways', data });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: (n) => n.source && check(n), ExportAllDeclaration: check, ImportExpression: (n) => n.source.type === 'Literal' && check({ source: n.source }) };
      },
    },
  },
};
