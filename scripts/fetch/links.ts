/** A link on an index page: its absolute address and its text (tags stripped). */
export interface Link {
  url: string;
  text: string;
}

const decodeEntities = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ');

/** The `<a href>` links of an HTML page, resolved against the page's own address. */
export function extractLinks(html: string, pageUrl: string): Link[] {
  const links: Link[] = [];
  for (const m of html.matchAll(/<a\s[^>]*?href\s*=\s*(["'])(.*?)\1[^>]*>([\s\S]*?)<\/a>/gi)) {
    try {
      links.push({ url: new URL(decodeEntities(m[2] as string), pageUrl).href, text: decodeEntities((m[3] as string).replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim() });
    } catch {
      /* an href that is not a URL: not a file link */
    }
  }
  return links;
}
