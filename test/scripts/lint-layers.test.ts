import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** npm run lint rejects an import that climbs a layer at any depth, or crosses between features. */
const eslint = new ESLint();
const messagesFor = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'layers/no-climbing-imports').map((m) => m.message);

describe('the layer rule (eslint/layers.js)', () => {
  it('rejects the domain importing the database or a feature, at any depth', async () => {
    expect(await messagesFor('server/domain/engine/x.ts', "import { facilities } from '../../db/schema';\nexport const x = facilities;\n")).toEqual([expect.stringMatching(/^domain \(layer 0\) may not import db \(layer 1\)/)]);
    expect(await messagesFor('server/domain/x.ts', "import { gapsRoutes } from '../features/gaps/routes';\nexport const x = gapsRoutes;\n")).toEqual([expect.stringMatching(/may not import features\/gaps/)]);
  });
  it('rejects the importer reaching into features, and a feature importing another', async () => {
    expect(await messagesFor('server/import/x.ts', "import { tileData } from '../features/tiles/tile-data';\nexport const x = tileData;\n")).toEqual([expect.stringMatching(/^import \(layer 2\) may not import features\/tiles \(layer 4\)/)]);
    expect(await messagesFor('server/features/filings/x.ts', "import { gapsRoutes } from '../gaps/routes';\nexport const x = gapsRoutes;\n")).toEqual([expect.stringMatching(/features\/filings may not import features\/gaps: two features never import each other/)]);
  });
  it('allows what flows down: a feature using the read model and the domain, the web using the domain', async () => {
    expect(await messagesFor('server/features/gaps/x.ts', "import { EngineStore } from '../engine/engine-store';\nimport { isLacking } from '../../domain/coverage';\nexport const x = [EngineStore, isLacking];\n")).toEqual([]);
    expect(await messagesFor('web/src/x.ts', "import { isLacking } from '../../server/domain/coverage';\nexport const x = isLacking;\n")).toEqual([]);
  });
});
