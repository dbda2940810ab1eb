import type { OpenApiDocument, OpenApiOperation } from '../shared/openapi/openapi-document';

/** Text made safe inside HTML elements and attribute values. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const json = (value: unknown) => `<pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre>`;

const STYLE = `body{font-family:system-ui,sans-serif;margin:0 auto;max-width:960px;padding:1rem;line-height:1.45;color:#1b1b1b}
h2{border-bottom:2px solid #ccc;margin-top:2rem}section.op{border:1px solid #ddd;border-radius:6px;margin:.75rem 0;padding:.5rem .75rem}
.method{display:inline-block;min-width:4.5em;font-weight:bold;font-family:monospace}.path{font-family:monospace;font-size:1.05em}
table{border-collapse:collapse;width:100%;font-size:.9em}td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
pre{background:#f6f6f6;padding:.4rem;overflow:auto;font-size:.8em;max-height:24rem}details{margin:.3rem 0}.who{color:#555;font-size:.9em}
nav a{margin-right:.6rem}`;

function operationHtml(method: string, path: string, op: OpenApiOperation): string {
  const id = escapeHtml(op.operationId);
  const params = op.parameters.length
    ? `<table><thead><tr><th>name</th><th>in</th><th>required</th><th>schema</th></tr></thead><tbody>${op.parameters
        .map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.description ? `<br>${escapeHtml(p.description)}` : ''}</td><td>${p.in}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${escapeHtml(JSON.stringify(p.schema))}</code></td></tr>`)
        .join('')}</tbody></table>`
    : '<p>No parameters.</p>';
  const body = op.requestBody ? Object.entries(op.requestBody.content).map(([type, { schema }]) => `<details open><summary>Request body (${escapeHtml(type)})</summary>${json(schema)}</details>`).join('') : '';
  const responses = Object.entries(op.responses)
    .map(([status, r]) => `<tr><td>${escapeHtml(status)}</td><td>${escapeHtml(r.description)}</td><td>${escapeHtml(Object.keys(r.content ?? {}).join(', '))}</td></tr>`)
    .join('');
  return `<section class="op" id="${id}"><h3><span class="method">${method.toUpperCase()}</span> <span class="path">${escapeHtml(path)}</span></h3>
<p>${escapeHtml(op.summary)}</p><p class="who">${op.security ? `Sign-in required (session cookie): ${escapeHtml(op['x-allowed'] ?? '')}` : 'Public'}</p>
${params}${body}<details><summary>Responses</summary><table><thead><tr><th>status</th><th>meaning</th><th>type</th></tr></thead><tbody>${responses}</tbody></table></details></section>`;
}

/** The API reference as one self-contained page (inline style, no script, nothing fetched): it works offline. */
export function docsPage(doc: OpenApiDocument): string {
  const groups = doc.tags.map(({ name }) => {
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).filter(([, op]) => op.tags.includes(name)).map(([method, op]) => operationHtml(method, path, op)));
    return `<h2 id="tag-${escapeHtml(name)}">${escapeHtml(name)}</h2>${ops.join('\n')}`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(doc.info.title)} — reference</title><style>${STYLE}</style></head><body>
<h1>${escapeHtml(doc.info.title)}</h1><p>${escapeHtml(doc.info.description)}</p>
<p>OpenAPI ${escapeHtml(doc.openapi)} document: <a href="openapi.json">/api/openapi.json</a>. Errors always have one shape:</p>${json(doc.components.schemas.ApiError)}
<nav>${doc.tags.map(({ name }) => `<a href="#tag-${escapeHtml(name)}">${escapeHtml(name)}</a>`).join('')}</nav>
${groups.join('\n')}</body></html>`;
}
